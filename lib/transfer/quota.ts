import "server-only";
import { and, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { transferQuotaReservations } from "@/lib/db/schema";

/**
 * A sender's quota held across processes (issue 15 leftover). The web server and any number of sandbox
 * processes on one database share it: complete files are counted on the storage, and every upload in
 * progress holds a row in `transfer_quota_reservations` with the bytes it may write. Granting bytes takes
 * a transaction-level advisory lock on the sender (never on other senders), then reads the other uploads'
 * rows, then the storage: an upload that commits its file and then drops its row is counted twice for a
 * moment, never zero times, so two uploads can never both get the last bytes.
 */

/** A reservation not renewed for this long belongs to a process that died: it stops counting. */
export const RESERVATION_LIFETIME_MS = 15 * 60_000;
/** An upload still writing renews its reservation this often, so it never looks dead. */
export const RESERVATION_RENEW_MS = 60_000;
/**
 * Far from the quota (more than 8 steps left), an upload reserves one step ahead of what it wrote, so
 * a long upload asks the database once per MiB rather than once per 32 KiB write. Near the quota it
 * reserves exactly what it wrote, so no concurrent upload is refused because of headroom.
 */
export const RESERVATION_STEP_BYTES = 1024 * 1024;

export interface QuotaRequest {
  /** The upload's reservation id (a UUID chosen by the caller, one per upload). */
  reservationId: string;
  senderId: string;
  /** Bytes the upload needs to hold now: the highest offset it has written or is about to write. */
  bytes: number;
  /** The sender's quota, bytes (lib/transfer/limits.ts). */
  quotaBytes: number;
  /**
   * Bytes the sender's complete files take now, minus what the upload frees by replacing its final
   * file. Called under the sender's lock, after the reservations are read (see above).
   */
  usedBytes: () => Promise<number>;
}

/**
 * Grants `bytes` (or a step more, far from the quota) to the upload, or refuses and drops the upload's
 * reservation (the caller aborts the upload). Returns the bytes now held, or null when
 * `used + others + bytes` would exceed the quota.
 * Errors: database errors are thrown (the upload then fails; the reservation is unchanged).
 */
export async function reserveQuota(q: Queryable, request: QuotaRequest): Promise<number | null> {
  const { reservationId, senderId, bytes, quotaBytes } = request;
  return q.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`transfer-quota:${senderId}`}, 0))`);
    const lifetimeStart = sql`now() - make_interval(secs => ${RESERVATION_LIFETIME_MS / 1000})`;
    const alive = gte(transferQuotaReservations.renewedAt, lifetimeStart);
    const [others] = await tx
      .select({ bytes: sql<string>`coalesce(sum(${transferQuotaReservations.bytes}), 0)` })
      .from(transferQuotaReservations)
      .where(and(eq(transferQuotaReservations.senderId, senderId), ne(transferQuotaReservations.id, reservationId), alive));
    const free = quotaBytes - (await request.usedBytes()) - Number(others?.bytes ?? 0);
    if (bytes > free) {
      // A refused upload is aborted: its bytes go back under the same lock, so of two uploads racing
      // for the last bytes the second one to ask finds them free (exactly one is refused, not both).
      await tx.delete(transferQuotaReservations).where(eq(transferQuotaReservations.id, reservationId));
      return null;
    }
    const granted = free - bytes > 8 * RESERVATION_STEP_BYTES ? bytes + RESERVATION_STEP_BYTES : bytes;
    await tx
      .insert(transferQuotaReservations)
      .values({ id: reservationId, senderId, bytes: granted })
      .onConflictDoUpdate({ target: transferQuotaReservations.id, set: { bytes: granted, renewedAt: sql`now()` } });
    // Dead processes' rows of this sender go here, under the lock, rather than in a sweeper.
    await tx
      .delete(transferQuotaReservations)
      .where(and(eq(transferQuotaReservations.senderId, senderId), lt(transferQuotaReservations.renewedAt, lifetimeStart)));
    return granted;
  });
}

/** Gives the upload's bytes back (committed, refused or abandoned). Safe to call twice. */
export async function releaseQuota(q: Queryable, reservationId: string): Promise<void> {
  await q.delete(transferQuotaReservations).where(eq(transferQuotaReservations.id, reservationId));
}
