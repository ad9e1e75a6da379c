import "server-only";
import { eq } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { signInAttempts, users } from "@/lib/db/schema";
import { verifySecret } from "./password";

export interface AuthenticatedUser {
  id: string;
  displayName: string;
}

/**
 * Checks a username and password. Unknown usernames cost the same argon2 verification as wrong
 * passwords, and both give the same answer (null), so neither timing nor message tells them apart.
 */
export async function authenticate(username: string, password: string, ip: string): Promise<AuthenticatedUser | null> {
  const db = await getDb();
  const login = username.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, login))
    .limit(1);
  const ok = await verifySecret(user?.passwordHash, password);
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ username: login, ip, succeeded: ok ? 1 : 0 });
    await recordEvent(tx, {
      actorUserId: ok && user ? user.id : null,
      actorLabel: login,
      action: ok ? "auth.sign-in" : "auth.sign-in-failed",
      targetType: "user",
      targetId: login,
      ip,
    });
  });
  if (!ok || !user) return null;
  return { id: user.id, displayName: `${user.firstName} ${user.lastName}` };
}
