import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { getDb, type Queryable } from "@/lib/db/client";
import { memberships, signInAttempts, users } from "@/lib/db/schema";
import { verifySecret } from "./password";
import { failureLocks, throttlePolicy, throttleVerdict, type RecentFailures } from "./throttle-policy";

export interface AuthenticatedUser {
  id: string;
  displayName: string;
}

export type AuthenticationResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled" };

/** Failures kept in the database, so the limits hold across several app instances. */
async function recentFailures(q: Queryable, login: string, ip: string): Promise<RecentFailures> {
  const since = sql`now() - make_interval(mins => ${throttlePolicy.windowMinutes})`;
  const lastSuccess = sql`coalesce((select max(${signInAttempts.at}) from ${signInAttempts} where ${signInAttempts.username} = ${login} and ${signInAttempts.succeeded} = 1), 'epoch'::timestamptz)`;
  const [byUser] = await q
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, login), eq(signInAttempts.succeeded, 0), gt(signInAttempts.at, since), gt(signInAttempts.at, lastSuccess)));
  const [byAddress] = await q
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, 0), gt(signInAttempts.at, since)));
  return { username: byUser?.n ?? 0, address: byAddress?.n ?? 0 };
}

/**
 * Checks a username and password. Unknown usernames cost the same argon2 verification as wrong
 * passwords and get the same answer, so neither timing nor message tells them apart. After too many
 * failures the username (or client address) is locked for a while, whether the account exists or not.
 */
export async function authenticate(username: string, password: string, ip: string): Promise<AuthenticationResult> {
  const db = await getDb();
  const login = username.trim().toLowerCase().slice(0, 100);
  const failures = await recentFailures(db, login, ip);
  if (throttleVerdict(failures).locked) {
    await recordEvent(db, { actorLabel: login, action: "auth.sign-in-throttled", targetType: "user", targetId: login, ip });
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
    await tx.insert(signInAttempts).values({ username: login, ip, succeeded: ok ? 1 : 0 });
    await recordEvent(tx, { ...base, actorUserId: ok && user ? user.id : null, action: ok ? "auth.sign-in" : "auth.sign-in-failed" });
    if (!ok && failureLocks(failures)) {
      await recordEvent(tx, { ...base, action: "auth.locked-out", summary: { minutes: throttlePolicy.windowMinutes, ...failures } });
    }
  });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, displayName: `${user.firstName} ${user.lastName}` } };
}
