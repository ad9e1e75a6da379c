import "server-only";
import { and, desc, eq, gt, isNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { Queryable } from "@/lib/db/client";
import { memberships, userSessions, users } from "@/lib/db/schema";
import { sessionPolicyFrom, type SessionPolicy } from "./session-policy";

/** The policy of this process, from CHAMAN_SESSION_IDLE_MINUTES and CHAMAN_SESSION_MAX_HOURS (README, Configuration). */
export const sessionPolicy: SessionPolicy = sessionPolicyFrom(process.env);

/** Who opened a session: the client address (X-Forwarded-For) and a browser summary (lib/auth/user-agent.ts). */
export interface SessionClient {
  ip: string;
  userAgent: string;
}

/** Why a session ended (the `end_reason` column; `membership-removed` is written by a database trigger). */
export type SessionEndReason = "sign-out" | "closed" | "expired";

/** Ended sessions are kept this long (for « Mes sessions » history and support), then removed at the user's next sign-in. */
const KEEP_ENDED_DAYS = 30;

const seconds = (n: number) => sql`make_interval(secs => ${n})`;

/** Open: not ended, within its absolute lifetime, seen within the idle timeout (times of the database clock). */
function isOpen(policy: SessionPolicy): SQL {
  return and(
    isNull(userSessions.endedAt),
    gt(userSessions.expiresAt, sql`now()`),
    gt(userSessions.lastSeenAt, sql`now() - ${seconds(policy.idleSeconds)}`),
  ) as SQL;
}

/** Still marked open but past its lifetime or idle timeout: to be ended (and journaled) as expired. */
function isLapsed(policy: SessionPolicy): SQL {
  return and(
    isNull(userSessions.endedAt),
    or(lte(userSessions.expiresAt, sql`now()`), lte(userSessions.lastSeenAt, sql`now() - ${seconds(policy.idleSeconds)}`)),
  ) as SQL;
}

interface EndedRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
  lifetimeOver: boolean;
}

const endedColumns = {
  id: userSessions.id,
  userId: userSessions.userId,
  createdAt: userSessions.createdAt,
  lastSeenAt: userSessions.lastSeenAt,
  ip: userSessions.ip,
  userAgent: userSessions.userAgent,
  lifetimeOver: sql<boolean>`${userSessions.expiresAt} <= now()`,
};

const journalAction: Record<SessionEndReason, AuditAction> = {
  "sign-out": "auth.sign-out",
  closed: "auth.session-closed",
  expired: "auth.session-expired",
};

/** One journal event per ended session, filed under the user's enterprise like sign-ins (lib/auth/authenticate.ts). */
async function journalEnded(q: Queryable, rows: EndedRow[], reason: SessionEndReason, ip: string | null): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const [who] = await q
    .select({
      username: users.username,
      enterpriseId: sql<string | null>`(select ${memberships.enterpriseId} from ${memberships} where ${memberships.userId} = ${users.id} limit 1)`,
    })
    .from(users)
    .where(eq(users.id, first.userId))
    .limit(1);
  for (const row of rows) {
    const lapsed = reason === "expired" ? { cause: row.lifetimeOver ? "lifetime" : "idle" } : {};
    await recordEvent(q, {
      actorUserId: row.userId,
      actorLabel: who?.username ?? null,
      enterpriseId: who?.enterpriseId ?? null,
      action: journalAction[reason],
      targetType: "session",
      targetId: row.id,
      summary: { startedAt: row.createdAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString(), address: row.ip, browser: row.userAgent, ...lapsed },
      ip,
    });
  }
}

/**
 * Opens a session at sign-in and returns its id (a random UUID; it travels only inside the encrypted
 * session cookie). In the same transaction, the user's lapsed sessions are ended as expired (journaled)
 * and ended sessions older than 30 days are removed.
 */
export async function openSession(q: Queryable, userId: string, client: SessionClient, policy = sessionPolicy): Promise<string> {
  return q.transaction(async (tx) => {
    const lapsed = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()`, endReason: "expired" })
      .where(and(eq(userSessions.userId, userId), isLapsed(policy)))
      .returning(endedColumns);
    await journalEnded(tx, lapsed, "expired", null);
    await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.endedAt, sql`now() - make_interval(days => ${KEEP_ENDED_DAYS})`)));
    const [row] = await tx
      .insert(userSessions)
      .values({ userId, expiresAt: sql`now() + ${seconds(policy.maxSeconds)}`, ip: client.ip.slice(0, 100), userAgent: client.userAgent.slice(0, 100) })
      .returning({ id: userSessions.id });
    if (!row) throw new Error("session insert returned no row");
    return row.id;
  });
}

/**
 * Moves « last seen » to now when it is older than the throttle interval. The condition is in the UPDATE
 * itself, so of many concurrent requests (on any number of app instances) at most one per interval
 * writes: the others find the row already moved once its lock is released (PostgreSQL re-checks the
 * WHERE of a concurrently updated row). A session that ended or lapsed meanwhile is left alone.
 * Returns whether this call wrote.
 */
export async function touchSession(q: Queryable, sessionId: string, policy = sessionPolicy): Promise<boolean> {
  const touched = await q
    .update(userSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), isOpen(policy), lte(userSessions.lastSeenAt, sql`now() - ${seconds(policy.touchSeconds)}`)))
    .returning({ id: userSessions.id });
  return touched.length > 0;
}

/**
 * Ends one session of `userId` now, with its journal event, in one transaction. Only a session still
 * marked open is ended (an ended one is never reopened or ended twice); `expired` only ends a lapsed one.
 * Returns whether this call ended it (false: unknown, another user's, or already ended).
 */
export async function endSession(
  q: Queryable,
  target: { sessionId: string; userId: string },
  reason: SessionEndReason,
  ip: string | null,
  policy = sessionPolicy,
): Promise<boolean> {
  return q.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()`, endReason: reason })
      .where(
        and(
          eq(userSessions.id, target.sessionId),
          eq(userSessions.userId, target.userId),
          reason === "expired" ? isLapsed(policy) : isNull(userSessions.endedAt),
        ),
      )
      .returning(endedColumns);
    await journalEnded(tx, ended, reason, ip);
    return ended.length > 0;
  });
}

/** Ends every open session of `userId` except `keepSessionId` (« Fermer toutes les autres sessions »); returns how many. */
export async function endOtherSessions(q: Queryable, userId: string, keepSessionId: string, ip: string | null, policy = sessionPolicy): Promise<number> {
  return q.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()`, endReason: "closed" })
      .where(and(eq(userSessions.userId, userId), ne(userSessions.id, keepSessionId), isOpen(policy)))
      .returning(endedColumns);
    await journalEnded(tx, ended, "closed", ip);
    return ended.length;
  });
}

/** A session as « Mes sessions » shows it (no secret: the id alone opens nothing without the signed cookie). */
export interface OpenSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
}

/** The user's open sessions, newest first. */
export async function listOpenSessions(q: Queryable, userId: string, policy = sessionPolicy): Promise<OpenSession[]> {
  return q
    .select({ id: userSessions.id, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt, ip: userSessions.ip, userAgent: userSessions.userAgent })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isOpen(policy)))
    .orderBy(desc(userSessions.createdAt))
    .limit(100);
}
