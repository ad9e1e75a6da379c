import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { auditEvents, oauthUsedAssertions, throttleAttempts } from "@/lib/db/schema";
import type { AuditEvent } from "@/lib/audit/record";

// RFC 7523 §3 item 7: a jti is single-use until the assertion's exp. The primary key (client_id, jti) of
// oauth_used_assertions decides between concurrent requests and between app instances.

/** Whether the jti was already spent (the assertion checker's read-only probe). */
export async function isJtiUsed(q: Queryable, clientId: string, jti: string): Promise<boolean> {
  const [row] = await q
    .select({ jti: oauthUsedAssertions.jti })
    .from(oauthUsedAssertions)
    .where(and(eq(oauthUsedAssertions.clientId, clientId), eq(oauthUsedAssertions.jti, jti)))
    .limit(1);
  return row !== undefined;
}

/** Expired rows are purged now and then, a few at a time, so the table stays as small as the last ten minutes' traffic. */
async function maybePurgeExpired(q: Queryable): Promise<void> {
  if (Math.random() >= 0.05) return;
  await q.delete(oauthUsedAssertions).where(
    sql`(${oauthUsedAssertions.clientId}, ${oauthUsedAssertions.jti}) in (select ${oauthUsedAssertions.clientId}, ${oauthUsedAssertions.jti} from ${oauthUsedAssertions} where ${lt(oauthUsedAssertions.expiresAt, sql`now() - interval '1 minute'`)} limit 500)`,
  );
}

/**
 * Spends the jti: true for the one request that inserts it, false for every replay (also concurrent ones).
 * Rows are kept until the assertion's exp, afterwards exp alone refuses the assertion.
 */
export async function spendJti(q: Queryable, clientId: string, jti: string, exp: Date): Promise<boolean> {
  const inserted = await q.insert(oauthUsedAssertions).values({ clientId, jti, expiresAt: exp }).onConflictDoNothing().returning({ jti: oauthUsedAssertions.jti });
  if (inserted.length > 0) await maybePurgeExpired(q);
  return inserted.length > 0;
}

/**
 * The token endpoint's success, in ONE statement (so one round trip, atomic without a transaction): spends the
 * jti and, only when this request is the one that spent it, settles the throttle attempt as succeeded
 * (forgiving the Client ID's settled failures, as lib/security/throttle.ts settleAttempt does) and appends
 * the journal event. Returns false for a replay (also a concurrent one): then nothing else is written, and the
 * caller settles the attempt as failed. Data-modifying CTEs all see one snapshot; none of them touches the
 * rows another one writes (the settled attempt is pending, the forgiven ones failed).
 */
export async function spendJtiSettleAndJournal(
  q: Queryable,
  spend: { clientId: string; jti: string; exp: Date; attemptId: number },
  event: AuditEvent,
): Promise<boolean> {
  const t = throttleAttempts;
  const a = auditEvents;
  const result = (await q.execute(sql`
    with spent as (
      insert into ${oauthUsedAssertions} (client_id, jti, expires_at) values (${spend.clientId}, ${spend.jti}, ${spend.exp.toISOString()}::timestamptz)
      on conflict do nothing returning 1
    ), settled as (
      update ${t} set outcome = 'succeeded', settled_at = now()
      where ${t.id} = ${spend.attemptId} and ${t.outcome} = 'pending' and exists (select 1 from spent)
      returning scope, subject
    ), forgiven as (
      update ${t} set forgiven = true from settled
      where ${t.scope} = settled.scope and ${t.subject} = settled.subject and ${t.outcome} = 'failed' and not ${t.forgiven}
    ), journaled as (
      insert into ${a} (actor_user_id, actor_label, enterprise_id, quality_id, sender_id, action, target_type, target_id, target_label, party_enterprise_id, summary, ip)
      select ${event.actorUserId ?? null}::uuid, ${event.actorLabel ?? null}, ${event.enterpriseId ?? null}::uuid, ${event.qualityId ?? null}::int, ${event.senderId ?? null}::uuid,
        ${event.action}, ${event.targetType ?? null}, ${event.targetId ?? null}, ${event.targetLabel ?? null}, ${event.partyEnterpriseId ?? null}::uuid,
        ${event.summary ? JSON.stringify(event.summary) : null}::jsonb, ${event.ip ?? null}
      where exists (select 1 from spent)
    )
    select count(*)::int as spent from spent`)) as unknown as { rows: Array<{ spent: number | string }> };
  // Both drivers (PGlite and node-postgres) return the rows under `rows`.
  const spent = Number(result.rows[0]?.spent ?? 0) > 0;
  if (spent) await maybePurgeExpired(q);
  return spent;
}
