import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { releaseQuota, RESERVATION_RENEW_MS, reserveQuota } from "./quota";

/**
 * The quota reservation of one upload (lib/transfer/quota.ts), as the upload's writes need it: `hold`
 * answers from memory while the upload stays within what it already holds, and asks the database only to
 * grow or to renew. SFTP clients pipeline writes, so requests to the database are queued one at a time.
 */
export class UploadQuota {
  private readonly reservationId = randomUUID();
  private held = 0;
  private renewedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private released = false;

  constructor(
    private readonly db: Db,
    private readonly senderId: string,
    private readonly quotaBytes: number,
    /** Bytes of the sender's complete files, minus what this upload replaces. */
    private readonly usedBytes: () => Promise<number>,
  ) {}

  private covers(bytes: number): boolean {
    return bytes <= this.held && Date.now() - this.renewedAt < RESERVATION_RENEW_MS;
  }

  /** Makes sure the upload holds `bytes` (its highest written offset); false when the quota refuses them. */
  async hold(bytes: number): Promise<boolean> {
    if (this.covers(bytes)) return true;
    const answer = this.queue.then(async () => {
      // SFTP writes pipelined behind a refused one must not reserve again once the bytes were given back.
      if (this.released) return false;
      if (this.covers(bytes)) return true;
      const granted = await reserveQuota(this.db, {
        reservationId: this.reservationId,
        senderId: this.senderId,
        bytes: Math.max(bytes, this.held),
        quotaBytes: this.quotaBytes,
        usedBytes: this.usedBytes,
      });
      if (granted === null) return false;
      this.held = granted;
      this.renewedAt = Date.now();
      return true;
    });
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  /**
   * Gives the bytes back. A failure is logged, not thrown: the upload's own outcome stands, and the row
   * stops counting after RESERVATION_LIFETIME_MS.
   */
  async release(): Promise<void> {
    this.released = true;
    this.held = 0;
    this.renewedAt = 0;
    await this.queue;
    try {
      await releaseQuota(this.db, this.reservationId);
    } catch (error) {
      console.error("[transfer] quota reservation %s of sender %s not released", this.reservationId, this.senderId, error);
    }
  }
}
