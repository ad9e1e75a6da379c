import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { mailOutbox } from "@/lib/db/schema";
import type { MailTransport } from "./transport";

// Issue 16: delivers the outbox after commit. Several app instances may run this at once: each claims a
// batch of due rows in ONE statement (`FOR UPDATE SKIP LOCKED` in the sub-select, so instances never wait
// for nor take each other's rows) and marks them leased for a while; the SMTP conversation then happens
// OUTSIDE any transaction (on PGlite, the single connection stays free for the app's actions). A process
// that dies mid-send leaves a lease that expires, and another instance retries: at-least-once delivery,
// with a stable Message-ID per row so duplicates are recognisable.

/** Attempts before a mail is given up (status "failed"); with the back-off below, about 8½ hours. */
export const MAX_ATTEMPTS = 10;
const LEASE_MS = 2 * 60_000;

/** Wait before attempt n+1 after n failed attempts: 1 min, 2, 4 … capped at 2 hours (exponential back-off). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failedAttempts - 1), 2 * 60 * 60_000);
}

export interface DispatchResult {
  sent: number;
  /** Failed this time, will be retried later. */
  retrying: number;
  /** Failed for the last time (MAX_ATTEMPTS reached). */
  failed: number;
}

type Claimed = { id: number; recipient: string; subject: string; textBody: string; htmlBody: string; kind: string; attempts: number; senderId: string | null; enterpriseId: string | null };

async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // Both drivers (PGlite and node-postgres) return the rows under `rows`.
  const result = (await db.execute(sql`
    update ${mailOutbox} set claimed_until = ${leaseUntil.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${mailOutbox}
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        and (claimed_until is null or claimed_until <= ${now.toISOString()}::timestamptz)
      order by id limit ${limit}
      for update skip locked)
    returning id, recipient, subject, text_body, html_body, kind, attempts, sender_id, enterprise_id`)) as unknown as { rows: Array<Record<string, unknown>> };
  return result.rows.map((r) => ({
    id: Number(r.id),
    recipient: String(r.recipient),
    subject: String(r.subject),
    textBody: String(r.text_body),
    htmlBody: String(r.html_body),
    kind: String(r.kind),
    attempts: Number(r.attempts),
    senderId: (r.sender_id as string | null) ?? null,
    enterpriseId: (r.enterprise_id as string | null) ?? null,
  }));
}

/**
 * Sends the mails due at `now` (at most `limit` per call, oldest first). A failure is written to the
 * journal of the recipient's sender and the mail rescheduled with back-off; it never throws for a
 * delivery problem. Returns what happened.
 */
export async function dispatchDue(db: Db, transport: MailTransport, options: { now?: Date; limit?: number } = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claimDue(db, now, options.limit ?? 20);
  for (const mail of claimed) {
    // Only the holder of this attempt may settle it (a lease taken over after expiry bumps `attempts`).
    const mine = and(eq(mailOutbox.id, mail.id), eq(mailOutbox.attempts, mail.attempts), eq(mailOutbox.status, "pending"));
    try {
      await transport.send({ id: mail.id, to: mail.recipient, subject: mail.subject, text: mail.textBody, html: mail.htmlBody });
      await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), claimedUntil: null, lastError: null }).where(mine);
      result.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(mail.attempts));
      await db.transaction(async (tx) => {
        await tx
          .update(mailOutbox)
          .set({ status: giveUp ? "failed" : "pending", lastError: reason, claimedUntil: null, nextAttemptAt })
          .where(mine);
        await recordEvent(tx, {
          actorLabel: "Chaman",
          senderId: mail.senderId,
          enterpriseId: mail.enterpriseId,
          action: giveUp ? "mail.abandoned" : "mail.failed",
          targetType: "mail",
          targetId: String(mail.id),
          summary: { after: { kind: mail.kind, recipient: mail.recipient, attempt: mail.attempts, error: reason, ...(giveUp ? {} : { nextAttemptAt: nextAttemptAt.toISOString() }) } },
        });
      });
      console.warn(`[chaman] mail ${mail.id} (${mail.kind}) to ${mail.recipient}: attempt ${mail.attempts} failed: ${reason}`);
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/** Sends everything due now, batch after batch (bounded), e.g. for `notify run` and tests. */
export async function dispatchAll(db: Db, transport: MailTransport, now: Date = new Date(), maxBatches = 50): Promise<DispatchResult> {
  const total: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const r = await dispatchDue(db, transport, { now });
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    if (r.sent + r.retrying + r.failed === 0) break;
  }
  return total;
}
