import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Queryable } from "@/lib/db/client";
import { auditEvents, memberships, users } from "@/lib/db/schema";
import { throttlePolicies } from "@/lib/security/throttle-policy";

/**
 * Journals a refused (throttled) sign-in as `auth.sign-in-throttled`, at most once per username per
 * throttle window (15 minutes, lib/security/throttle-policy.ts): a locked account hammered by a script
 * gives its managers one row, not one per attempt (the lock-out itself is `auth.locked-out`). Filed under
 * the user's enterprise when the username exists, like failed sign-ins, so its managers see it; unknown
 * usernames go to the platform journal (enterprise null).
 * `login` is the normalised username; `limit` which budget was used ("subject" or "address").
 * Returns whether a row was written. Concurrent refusals of one username are serialised by a
 * transaction-scoped advisory lock, so two instances never both write.
 */
export async function journalThrottledSignIn(
  q: Queryable,
  refusal: { login: string; ip: string | null; limit: "subject" | "address"; retryAfterSeconds: number },
): Promise<boolean> {
  const { login, ip } = refusal;
  const windowMinutes = throttlePolicies["sign-in"].windowMinutes;
  return q.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`journal:sign-in-throttled:${login}`}, 0))`);
    const [membership] = await tx
      .select({ enterpriseId: memberships.enterpriseId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.username, login))
      .limit(1);
    const enterpriseId = membership?.enterpriseId ?? null;
    // (enterprise_id, at) is indexed: the look-up reads only this enterprise's last 15 minutes.
    const [already] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          enterpriseId === null ? isNull(auditEvents.enterpriseId) : eq(auditEvents.enterpriseId, enterpriseId),
          gt(auditEvents.at, sql`now() - make_interval(mins => ${windowMinutes})`),
          eq(auditEvents.action, "auth.sign-in-throttled"),
          eq(auditEvents.targetId, login),
        ),
      )
      .limit(1);
    if (already) return false;
    await recordEvent(tx, {
      actorLabel: login,
      action: "auth.sign-in-throttled",
      targetType: "user",
      targetId: login,
      ip,
      enterpriseId,
      summary: { limit: refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds },
    });
    return true;
  });
}
