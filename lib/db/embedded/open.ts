import "server-only";
import { chmodSync, mkdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import pg from "pg";
import {
  LOCK_STALE_MS,
  processRuns,
  readOwnerRecord,
  removeOwnerRecord,
  socketDirFor,
  tryLockFolder,
  writeOwnerRecord,
  type OwnerRecord,
} from "./owner-lock";
import { SessionGate, gatedPglite } from "./session-gate";
import { serveOnSocket } from "./socket-server";

/** How this process uses an embedded database folder (see `openEmbedded`). */
export interface EmbeddedPolicy {
  /** Named in the owner record and in other processes' messages ("web server", "command line", …). */
  role: string;
  /** As owner, serve the database to other processes on a Unix socket (long-lived processes only). */
  share: boolean;
  /** Refuse to work through a running owner of this role (a second web server on one folder). */
  refuseOwnerRole?: string;
  /** How long to wait for the folder (an owner still starting, a short-lived owner, a stale lock). */
  waitMs: number;
}

export type EmbeddedConnection =
  | { access: "owner"; client: PGlite; share(): Promise<void>; close(): Promise<void> }
  | { access: "through-owner"; pool: pg.Pool; owner: OwnerRecord; close(): Promise<void> };

/** The folder is held by another process that cannot be reached; nothing was opened. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: OwnerRecord | null,
    reason: "unreachable" | "refused",
    waitMs = 0,
  ) {
    super(busyMessage(folder, owner, reason, waitMs));
    this.name = "DatabaseBusyError";
  }
}

function describeOwner(owner: OwnerRecord): string {
  return `process ${owner.pid} (${owner.role}${owner.since ? `, since ${owner.since}` : ""})`;
}

function busyMessage(folder: string, owner: OwnerRecord | null, reason: "unreachable" | "refused", waitMs: number): string {
  if (reason === "refused" && owner) {
    return `The embedded database ${folder} is already served by ${describeOwner(owner)}: a second ${owner.role} may not open it. Stop ${owner.pid} first, or give this one its own CHAMAN_DATA_DIR.`;
  }
  if (!owner) return `The embedded database ${folder} is locked by another process (${folder}.lock) that cannot be reached; nothing was written.`;
  if (!processRuns(owner.pid)) {
    return `The embedded database ${folder} is still locked by ${describeOwner(owner)}, which no longer runs; its lock is taken over ${LOCK_STALE_MS / 1000} s after it stopped. Nothing was written; try again.`;
  }
  // QA 11b-F: an owner that serves the folder but did not answer in time is not one "that does not share it".
  if (owner.socketDir) {
    return `The embedded database ${folder} is served by ${describeOwner(owner)}, which did not answer within ${waitMs / 1000} s (CHAMAN_DB_WAIT_MS); nothing was written. Try again, or allow a longer wait.`;
  }
  return `The embedded database ${folder} is in use by ${describeOwner(owner)}, which does not share it; nothing was written. Try again when it has finished.`;
}

/** A pool of connections to the owner's socket, or null when the owner does not answer. */
async function connectThroughOwner(owner: OwnerRecord, poolMax: number, timeoutMs: number): Promise<pg.Pool | null> {
  if (!owner.socketDir || owner.pid === process.pid || !processRuns(owner.pid)) return null;
  const pool = new pg.Pool({
    host: owner.socketDir,
    port: 5432,
    user: "postgres",
    database: "postgres",
    max: poolMax,
    // Never beyond the caller's deadline (CHAMAN_DB_WAIT_MS), at most 5 s per attempt.
    connectionTimeoutMillis: Math.max(200, Math.min(5_000, timeoutMs)),
    // Below the owner's idle timeout, so the owner never closes a connection this pool still counts on.
    idleTimeoutMillis: 10_000,
  });
  // An idle connection that breaks (owner stopped) is dropped by the pool; the next query reports it.
  pool.on("error", (error) => console.error(`[chaman] connection to the database owner ${owner.pid} lost: ${error.message}`));
  try {
    await pool.query("select 1");
    return pool;
  } catch {
    await pool.end().catch(() => undefined);
    return null;
  }
}

function ownerConnection(folder: string, policy: EmbeddedPolicy, client: PGlite, releaseLock: () => Promise<void>): EmbeddedConnection {
  const gate = new SessionGate();
  const since = new Date().toISOString();
  let stopServing: (() => Promise<void>) | null = null;
  let socketPath: string | null = null;
  const forget = () => {
    // Only while this process still owns the folder: after it, the socket path may be a new owner's.
    if (socketPath && readOwnerRecord(folder)?.pid === process.pid) {
      rmSync(socketPath, { force: true });
      // QA 11b-I: the folder too, when empty (rmdir refuses otherwise; a new owner recreates it).
      try {
        rmdirSync(path.dirname(socketPath));
      } catch {
        // not empty or already gone: leave it
      }
    }
    removeOwnerRecord(folder);
  };
  // On any exit (Ctrl-C, SIGTERM, process.exit) proper-lockfile removes the lock; the record and socket go too.
  process.once("exit", forget);
  return {
    access: "owner",
    client: gatedPglite(client, gate),
    async share() {
      if (!policy.share) return;
      const socketDir = socketDirFor(folder);
      mkdirSync(socketDir, { recursive: true, mode: 0o700 });
      chmodSync(socketDir, 0o700); // no password on this socket: only this user may reach it
      socketPath = path.join(socketDir, ".s.PGSQL.5432");
      rmSync(socketPath, { force: true }); // left by a killed owner; we hold the lock, so nobody listens
      stopServing = await serveOnSocket(client, gate, socketPath);
      writeOwnerRecord(folder, { pid: process.pid, role: policy.role, socketDir, since });
    },
    async close() {
      await stopServing?.();
      await gate.run(() => client.close());
      forget();
      process.removeListener("exit", forget);
      await releaseLock();
    },
  };
}

/**
 * Opens the embedded database in `folder` the only safe way: as its owner (this process takes the folder's
 * lock and alone opens the files; with `policy.share`, it later serves them on `<folder>.sock` once `share()`
 * is called), or through the running owner's socket with `pg`. Waits up to `policy.waitMs` for an owner
 * that is starting, one that does not share (the command line) or a lock left by a killed process.
 * Throws DatabaseBusyError (nothing opened, nothing written) when neither works in time.
 */
export async function openEmbedded(folder: string, policy: EmbeddedPolicy, pgliteOptions: PGliteOptions, poolMax: number): Promise<EmbeddedConnection> {
  const deadline = Date.now() + policy.waitMs;
  let announced = false;
  for (;;) {
    const releaseLock = await tryLockFolder(folder, (error) => {
      // Another process may take the folder over: writing on would overwrite its pages. Stop now.
      console.error(`[chaman] lost the lock on the embedded database ${folder} (${error.message}); stopping so no write is lost.`);
      process.exit(1);
    });
    if (releaseLock) {
      try {
        writeOwnerRecord(folder, { pid: process.pid, role: policy.role, socketDir: null, since: new Date().toISOString() });
        mkdirSync(folder, { recursive: true });
        const client = new PGlite(folder, pgliteOptions);
        await client.waitReady;
        return ownerConnection(folder, policy, client, releaseLock);
      } catch (error) {
        removeOwnerRecord(folder);
        await releaseLock();
        throw error;
      }
    }
    const owner = readOwnerRecord(folder);
    const pool = owner ? await connectThroughOwner(owner, poolMax, deadline - Date.now()) : null;
    if (pool && owner) {
      if (policy.refuseOwnerRole !== owner.role) return { access: "through-owner", pool, owner, close: () => pool.end() };
      await pool.end();
      throw new DatabaseBusyError(folder, owner, "refused");
    }
    if (Date.now() >= deadline) throw new DatabaseBusyError(folder, owner, "unreachable", policy.waitMs);
    if (!announced && owner) {
      console.error(
        processRuns(owner.pid)
          ? `[chaman] waiting for ${describeOwner(owner)} to finish with ${folder}…`
          : `[chaman] ${folder} is still locked by ${describeOwner(owner)}, which no longer runs: taking it over within ${LOCK_STALE_MS / 1000} s…`,
      );
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(200, deadline - Date.now()))));
  }
}
