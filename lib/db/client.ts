import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { DatabaseUnreachableError } from "./unreachable";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { openEmbedded, type EmbeddedPolicy } from "./embedded/open";
import * as schema from "./schema";
import { installDatabaseErrorBoundary } from "./errors";
import { installQueryLog } from "./query-log";

export { DatabaseBusyError } from "./embedded/open";
export { DatabaseUnreachableError } from "./unreachable";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: queries accept both. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * How this process reaches the database: "direct" (PostgreSQL, or PGlite in memory), "owner" (it holds
   * the embedded folder's lock and alone opens its files) or "through-owner" (`pg` to the owner's socket).
   */
  access: "direct" | "owner" | "through-owner";
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

// PGlite keeps PostgreSQL's shared buffers inside its WebAssembly heap, which is resident from the start
// and never shrinks: the default 128 MB alone took the server past its 400 MB budget (docs/PERFORMANCE.md).
// The operating system's file cache still keeps the data files in memory for PGlite's reads.
const pgliteOptions = { postgresqlconf: ["shared_buffers = 16MB"] };

export function dataDir(): string {
  // Resolved at run time from the environment; not a build-time file dependency.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CHAMAN_DATA_DIR || "data");
}

/** The embedded database folder: `<CHAMAN_DATA_DIR>/pglite`. */
export function embeddedFolder(): string {
  return path.join(dataDir(), "pglite");
}

/**
 * What kind of process this is, for the embedded database (PostgreSQL ignores it):
 * - "service" (default): long-lived (SFTP/FTP sandbox, scripts). Owner when the folder is free, and then
 *   serves it to the others; otherwise works through the owner.
 * - "server": the web server. Same, but refuses to start beside another running web server.
 * - "command": the command line. Works through a running owner; otherwise opens the folder itself for
 *   the command's duration without serving it (others wait for it to finish).
 */
export type DbProcessKind = "service" | "server" | "command";
const processKind = globalThis as unknown as { __chamanDbProcessKind?: DbProcessKind };

/** Declares this process's kind before its first `getDbHandle()` (the web server and the CLI do). */
export function setDbProcessKind(kind: DbProcessKind): void {
  processKind.__chamanDbProcessKind = kind;
}

function policyFor(kind: DbProcessKind): EmbeddedPolicy {
  const waitMs = Number(process.env.CHAMAN_DB_WAIT_MS || 60_000);
  if (kind === "server") return { role: "web server", share: true, refuseOwnerRole: "web server", waitMs };
  if (kind === "command") return { role: "command line", share: false, waitMs };
  return { role: path.basename(process.argv[1] ?? "node"), share: true, waitMs };
}

const poolMax = () => Number(process.env.DATABASE_POOL_MAX ?? 10);

/**
 * Opens a database and brings it to the latest migration: PostgreSQL with `url`; otherwise the embedded
 * database in `pglite` (default `<CHAMAN_DATA_DIR>/pglite`) as its one owner or through that owner
 * (lib/db/embedded/open.ts); `pglite: "memory"` is for tests.
 * Throws DatabaseBusyError when the embedded folder is held by a process that cannot be reached,
 * DatabaseUnreachableError when PostgreSQL cannot be connected to or migrated (one line, with the cause).
 */
export async function openDatabase(
  options: { url?: string; pglite?: string | "memory"; kind?: DbProcessKind } = {},
): Promise<DbHandle> {
  // Every query's failure is logged and rethrown without its parameter values (issue 19).
  installDatabaseErrorBoundary();
  installQueryLog();
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: poolMax() });
    const db = drizzlePg(pool, { schema });
    try {
      await migratePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnreachableError(options.url, error);
    }
    return { db: db as unknown as Db, kind: "postgres", access: "direct", close: () => pool.end() };
  }
  if (options.pglite === "memory") {
    const client = new PGlite(pgliteOptions);
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return { db: db as unknown as Db, kind: "pglite", access: "direct", close: () => client.close() };
  }
  const folder = path.resolve(/*turbopackIgnore: true*/ options.pglite ?? embeddedFolder());
  const kind = options.kind ?? processKind.__chamanDbProcessKind ?? "service";
  const connection = await openEmbedded(folder, policyFor(kind), pgliteOptions, poolMax());
  if (connection.access === "through-owner") {
    // The owner migrated the database before it started serving it.
    return { db: drizzlePg(connection.pool, { schema }) as unknown as Db, kind: "pglite", access: "through-owner", close: connection.close };
  }
  try {
    const db = drizzlePglite({ client: connection.client, schema });
    await migratePglite(db, { migrationsFolder });
    await connection.share();
    return { db: db as unknown as Db, kind: "pglite", access: "owner", close: connection.close };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

// One database per process, kept on globalThis so Next's dev reloads reuse the same PGlite instance.
const holder = globalThis as unknown as { __chamanDb?: Promise<DbHandle> };

/**
 * This process's database, opened once: PostgreSQL when DATABASE_URL is set; otherwise the embedded
 * database, opened safely whatever else runs — as its owner when the folder is free, or through the
 * running owner's socket (see DbProcessKind). Any process of this project (sandbox, scripts) just calls
 * this. Rejects with DatabaseBusyError when the folder is held by a process that cannot be reached within
 * CHAMAN_DB_WAIT_MS (60 s); a later call tries again.
 */
export function getDbHandle(): Promise<DbHandle> {
  holder.__chamanDb ??= openDatabase({ url: process.env.DATABASE_URL || undefined }).catch((error: unknown) => {
    holder.__chamanDb = undefined;
    throw error;
  });
  return holder.__chamanDb;
}

/** Whether this process has already opened (or been given) its database. */
export function hasDbHandle(): boolean {
  return holder.__chamanDb !== undefined;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Replaces the process database (tests and CLI commands that open their own). */
export function setDbHandle(handle: DbHandle): void {
  holder.__chamanDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const current = holder.__chamanDb;
  holder.__chamanDb = undefined;
  if (current) await (await current).close();
}
