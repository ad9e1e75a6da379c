import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * The owner of an embedded database folder: the one process allowed to open its files. Other processes
 * read this record (`<folder>.owner.json`) to find the owner's socket, or to name it in a message.
 */
export interface OwnerRecord {
  pid: number;
  /** What the owner is, for messages: "web server", "command line", or the process's command. */
  role: string;
  /** Directory of the owner's PostgreSQL socket (`.s.PGSQL.5432` inside), or null when it shares nothing. */
  socketDir: string | null;
  /** ISO 8601 time the owner took the folder. */
  since: string;
}

/**
 * How long a lock whose owner stopped refreshing it (killed with SIGKILL, machine crash) blocks the folder:
 * proper-lockfile refreshes the lock's mtime every `LOCK_UPDATE_MS`; after `LOCK_STALE_MS` without a
 * refresh the next process takes the lock over.
 */
export const LOCK_STALE_MS = 10_000;
const LOCK_UPDATE_MS = 2_000;

const ownerRecordPath = (folder: string) => `${folder}.owner.json`;

/**
 * Where the owner of `folder` listens: `<folder>.sock/.s.PGSQL.5432`, or a directory in the system's temp
 * folder named after the folder when that path is too long for a Unix socket (108 bytes on Linux).
 */
export function socketDirFor(folder: string): string {
  const beside = `${folder}.sock`;
  if (Buffer.byteLength(path.join(beside, ".s.PGSQL.5432")) < 100) return beside;
  return path.join(tmpdir(), `chaman-${createHash("sha256").update(folder).digest("hex").slice(0, 16)}`);
}

/**
 * Takes the folder's lock without waiting: the function that releases it, or null when another process
 * holds it. A lock not refreshed for LOCK_STALE_MS is taken over, unless its owner (by the owner record's
 * process id) still runs on this machine. `onLost` runs if the lock is compromised
 * (its directory removed or not refreshed in time) — the caller must stop using the files at once.
 * Errors other than « already locked » (unwritable parent folder…) are thrown.
 */
export async function tryLockFolder(folder: string, onLost: (error: Error) => void): Promise<(() => Promise<void>) | null> {
  mkdirSync(path.dirname(folder), { recursive: true });
  // An owner that still runs keeps the folder even if its lock looks stale: a statement that blocks its
  // event loop for more than LOCK_STALE_MS (a long migration) stops the refresh, not the writes.
  const owner = readOwnerRecord(folder);
  if (owner && owner.pid !== process.pid && processRuns(owner.pid)) return null;
  try {
    return await lockfile.lock(folder, {
      lockfilePath: `${folder}.lock`,
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") return null;
    throw error;
  }
}

/** Writes the owner record atomically (write, then rename). */
export function writeOwnerRecord(folder: string, record: OwnerRecord): void {
  const target = ownerRecordPath(folder);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temporary, target);
}

/** The owner record, or null when there is none or it cannot be read (being replaced, damaged). */
export function readOwnerRecord(folder: string): OwnerRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(ownerRecordPath(folder), "utf8")) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== "number" || typeof parsed.role !== "string") return null;
    return { pid: parsed.pid, role: parsed.role, socketDir: parsed.socketDir ?? null, since: String(parsed.since ?? "") };
  } catch {
    return null;
  }
}

/** Removes the owner record if it is this process's (never a later owner's). */
export function removeOwnerRecord(folder: string): void {
  if (readOwnerRecord(folder)?.pid === process.pid) rmSync(ownerRecordPath(folder), { force: true });
}

/** Whether process `pid` still runs on this machine. */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
