import "server-only";
// Issue 19: credential checks are counted BEFORE the secret is verified, atomically, so that parallel
// requests (and several app instances sharing one database) can never have more than the policy's
// number of secrets verified per subject and per client address in the window.
//
// How: `reserveAttempt` runs one statement (the SQL function throttle_reserve, migration 0018) that takes a
// transaction-scoped advisory lock per subject and per address (always subject first, so two reservations
// never wait on each other in a cycle), counts the attempts still counted (pending or failed), and inserts
// a "pending" attempt if there is room. The caller verifies the secret outside that transaction, then `settleAttempt` records
// the outcome. A pending attempt counts like a failure (for the subject only where the policy says so:
// subjectCountsPending), so nothing in flight is ever forgotten; a
// success forgives only the failures already settled, never the ones other requests are still verifying.
import { and, eq, gt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/lib/db/client";
import { throttleAttempts } from "@/lib/db/schema";
import {
  failureLocks,
  retryAfterSeconds,
  throttlePolicies,
  type CountedAttempts,
  type ThrottleScope,
} from "./throttle-policy";

export type { ThrottleScope } from "./throttle-policy";

export interface AttemptKey {
  scope: ThrottleScope;
  /** Who the secret is checked for: a normalised username, an OAuth client id… (existing or not). */
  subject: string;
  /** Client address (lib/security/peer-address.ts), or "unknown" when there is none. */
  address: string;
}

export type Reservation =
  | { ok: true; attemptId: number }
  | { ok: false; reason: "subject" | "address"; retryAfterSeconds: number };

export interface Settlement {
  /** The limit this failure reached ("subject" or "address"), once per lock-out; null otherwise. */
  lockedOut: "subject" | "address" | null;
  /** Settled failures still counted, including this one (0/0 after a success). */
  failures: CountedAttempts;
}

// Stored subjects and addresses are bounded: an overlong username must not grow the table or the index.
const maxKeyLength = 200;

function lockKey(scope: ThrottleScope, kind: "subject" | "address", value: string) {
  return sql`select pg_advisory_xact_lock(hashtextextended(${`throttle:${scope}:${kind}:${value}`}, 0))`;
}

async function lockBoth(tx: Tx, key: AttemptKey): Promise<void> {
  await tx.execute(lockKey(key.scope, "subject", key.subject));
  await tx.execute(lockKey(key.scope, "address", key.address));
}

function windowStart(minutes: number) {
  return sql`now() - make_interval(mins => ${minutes})`;
}

function normalise(key: AttemptKey): AttemptKey {
  return { scope: key.scope, subject: key.subject.slice(0, maxKeyLength), address: key.address.slice(0, maxKeyLength) || "unknown" };
}

/**
 * Counts one credential check before it happens. Pass the database, not a transaction: the reservation
 * must be committed (and its locks released) before the secret is verified.
 *
 * Returns `{ ok: true, attemptId }` when the check may proceed — the caller must then call
 * `settleAttempt` with the outcome (an unsettled attempt keeps counting as a failure until it leaves the
 * window) — or `{ ok: false, reason, retryAfterSeconds }` when the subject or the address has used its
 * budget (lib/security/throttle-policy.ts). A refused reservation is not recorded, so it does not extend
 * the lock-out.
 */
export async function reserveAttempt(q: Queryable, attempt: AttemptKey): Promise<Reservation> {
  const key = normalise(attempt);
  const policy = throttlePolicies[key.scope];
  // One round trip: the SQL function throttle_reserve (migration 0018) locks, counts, prunes and inserts as
  // the former seven-statement transaction did, with the same lock keys.
  const result = (await q.execute(
    sql`select attempt_id, locked, oldest_age from throttle_reserve(${key.scope}, ${key.subject}, ${key.address}, ${policy.perSubject}::int, ${policy.perAddress}::int, ${policy.windowMinutes}::int, ${policy.subjectCountsPending})`,
  )) as unknown as { rows: Array<{ attempt_id: string | number | null; locked: string | null; oldest_age: number | string | null }> };
  // Both drivers (PGlite and node-postgres) return the rows under `rows`.
  const [row] = result.rows;
  if (!row) throw new Error("throttle: the attempt was not recorded");
  if (row.locked === "subject" || row.locked === "address") {
    return { ok: false, reason: row.locked, retryAfterSeconds: retryAfterSeconds(Number(row.oldest_age ?? 0), policy) };
  }
  if (row.attempt_id === null) throw new Error("throttle: the attempt was not recorded");
  return { ok: true, attemptId: Number(row.attempt_id) };
}

/**
 * Records the outcome of a reserved check. May run inside the caller's transaction (it then uses a
 * savepoint), e.g. the one that journals the sign-in. A success forgives the subject's failures settled
 * so far (not its pending attempts, not the address's failures). Settling twice changes nothing.
 * `options.countsForSubject: false` records a failure that counts against the address only (e.g. an OAuth
 * assertion whose signature did not verify: whoever sent it does not hold the subject's key).
 */
export async function settleAttempt(q: Queryable, attemptId: number, succeeded: boolean, options: { countsForSubject?: boolean } = {}): Promise<Settlement> {
  return q.transaction(async (tx) => {
    const t = throttleAttempts;
    const [found] = await tx.select({ scope: t.scope, subject: t.subject, address: t.address }).from(t).where(eq(t.id, attemptId));
    const none: Settlement = { lockedOut: null, failures: { subject: 0, address: 0 } };
    if (!found) return none;
    const key = { ...found, scope: found.scope as ThrottleScope };
    const policy = throttlePolicies[key.scope];
    await lockBoth(tx, key);
    const updated = await tx
      .update(t)
      .set({ outcome: succeeded ? "succeeded" : "failed", settledAt: sql`now()`, ...(options.countsForSubject === false ? { forgiven: true } : {}) })
      .where(and(eq(t.id, attemptId), eq(t.outcome, "pending")))
      .returning({ id: t.id });
    if (updated.length === 0) return none;
    if (succeeded) {
      await tx
        .update(t)
        .set({ forgiven: true })
        .where(and(eq(t.scope, key.scope), eq(t.subject, key.subject), eq(t.outcome, "failed"), eq(t.forgiven, false)));
      return none;
    }
    const since = gt(t.at, windowStart(policy.windowMinutes));
    const [bySubject] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(and(eq(t.scope, key.scope), eq(t.subject, key.subject), eq(t.outcome, "failed"), eq(t.forgiven, false), since));
    const [byAddress] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(and(eq(t.scope, key.scope), eq(t.address, key.address), eq(t.outcome, "failed"), since));
    const failures = { subject: Number(bySubject?.n ?? 0), address: Number(byAddress?.n ?? 0) };
    return { lockedOut: failureLocks(failures, policy), failures };
  });
}
