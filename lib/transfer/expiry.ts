import "server-only";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { IN_FOLDERS } from "@/lib/rules/batch-names";
import { transferStorage } from "./storage";

/**
 * Stale files in the IN folders (issue 15): a file no GO closed — an FI whose GO never came, a
 * stray file, an abandoned `.filepart` — is deleted once it has not changed for
 * CHAMAN_TRANSFER_IN_EXPIRY_HOURS (default 168, a week), so it does not hold the sender's quota for
 * ever. Each deletion is journaled (`transfer.expired`) under the sender. Safe with several sandbox
 * processes: a file is journaled only by the process whose deletion succeeded.
 */

/** Milliseconds after which an unchanged IN file expires. */
export function inExpiryMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.CHAMAN_TRANSFER_IN_EXPIRY_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 168) * 3_600_000;
}

/**
 * Deletes the IN files not modified for `maxAgeMs` (as of `now`); returns how many were deleted.
 * @param maxAgeMs age in milliseconds (default: inExpiryMs())
 */
export async function expireStaleInFiles(maxAgeMs = inExpiryMs(), now = new Date()): Promise<number> {
  const storage = transferStorage();
  const db = await getDb();
  const limit = now.getTime() - maxAgeMs;
  let expired = 0;
  for (const senderId of await storage.senders()) {
    for (const folder of IN_FOLDERS) {
      for (const entry of await storage.list(senderId, folder)) {
        if (entry.modifiedAt.getTime() > limit) continue;
        if (!(await storage.remove(senderId, folder, entry.name))) continue;
        expired++;
        await recordEvent(db, {
          actorLabel: "system",
          senderId,
          action: "transfer.expired",
          targetType: "file",
          targetId: entry.name,
          summary: { folder, size: entry.size, modifiedAt: entry.modifiedAt.toISOString(), maxAgeHours: maxAgeMs / 3_600_000 },
        });
      }
    }
  }
  return expired;
}

/**
 * Runs the expiry now and then every `everyMs` (default: a tenth of the expiry age, at most an hour)
 * until the returned stop function is called. Failures are logged and retried at the next round.
 */
export function scheduleInExpiry(maxAgeMs = inExpiryMs(), everyMs = Math.min(maxAgeMs / 10, 3_600_000)): () => void {
  const round = () =>
    expireStaleInFiles(maxAgeMs).then(
      (n) => n > 0 && console.info("[transfer] %d stale IN file(s) expired", n),
      (error: unknown) => console.error("[transfer] expiry of stale IN files failed", error),
    );
  void round();
  const timer = setInterval(round, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
