import "server-only";
import { eq } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { reserveAttempt, settleAttempt } from "@/lib/security/throttle";
import { throttlePolicies } from "@/lib/security/throttle-policy";
import { verifySecret } from "./password";
import { journalThrottledSignIn } from "./throttled-journal";

export interface AuthenticatedUser {
  id: string;
  displayName: string;
}

export type AuthenticationResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks a username and password. Unknown usernames cost the same argon2 verification as wrong
 * passwords and get the same answer, so neither timing nor message tells them apart. The attempt is
 * counted before the password is verified (lib/security/throttle.ts): at most 5 per username and 20 per
 * client address are ever verified in 15 minutes, however many arrive at once, whether the account
 * exists or not. `ip` is the client address (null when unknown: those share one budget). Journal:
 * auth.sign-in, auth.sign-in-failed, auth.sign-in-throttled (once per username per window,
 * lib/auth/throttled-journal.ts), auth.locked-out.
 */
export async function authenticate(username: string, password: string, ip: string | null): Promise<AuthenticationResult> {
  const db = await getDb();
  const login = username.trim().toLowerCase().slice(0, 100);
  const reservation = await reserveAttempt(db, { scope: "sign-in", subject: login, address: ip ?? "unknown" });
  if (!reservation.ok) {
    await journalThrottledSignIn(db, { login, ip, limit: reservation.reason, retryAfterSeconds: reservation.retryAfterSeconds });
    return { ok: false, reason: "throttled" };
  }
  const [user] = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, login))
    .limit(1);
  const ok = await verifySecret(user?.passwordHash, password);
  // Sign-in events are filed under the user's enterprise so its managers see them in the journal.
  const [membership] = user
    ? await db.select({ enterpriseId: memberships.enterpriseId }).from(memberships).where(eq(memberships.userId, user.id)).limit(1)
    : [];
  const base = { actorLabel: login, targetType: "user", targetId: login, ip, enterpriseId: membership?.enterpriseId ?? null };
  await db.transaction(async (tx) => {
    const settled = await settleAttempt(tx, reservation.attemptId, ok);
    await recordEvent(tx, { ...base, actorUserId: ok && user ? user.id : null, action: ok ? "auth.sign-in" : "auth.sign-in-failed" });
    if (settled.lockedOut) {
      const minutes = throttlePolicies["sign-in"].windowMinutes;
      await recordEvent(tx, {
        ...base,
        action: "auth.locked-out",
        summary: { minutes, limit: settled.lockedOut, username: settled.failures.subject, address: settled.failures.address },
      });
    }
  });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, displayName: `${user.firstName} ${user.lastName}` } };
}
