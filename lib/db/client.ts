import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: queries accept both. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

// PGlite keeps PostgreSQL's shared buffers inside its WebAssembly heap, which is resident from the start
// and never shrinks: the default 128 MB alone took the server past its 400 MB budget (docs/PERFORMANCE.md).
// The operating system's file cache still keeps the data files in memory for PGlite's reads.
const pgliteOptions = { postgresqlconf: ["shared_buffers = 16MB"] };

export function dataDir(): string {
  // Resolved at run time from the environment; not a build-time file dependency.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CHAMAN_DATA_DIR ?? "data");
}

/** Opens a database and brings it to the latest migration. `pglite: "memory"` is for tests. */
export async function openDatabase(
  options: { url?: string; pglite?: string | "memory" } = {},
): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return { db: db as unknown as Db, kind: "postgres", close: () => pool.end() };
  }
  let client: PGlite;
  if (options.pglite === "memory") {
    client = new PGlite(pgliteOptions);
  } else {
    const dir = options.pglite ?? path.join(dataDir(), "pglite");
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, pgliteOptions);
  }
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

// One database per process, kept on globalThis so Next's dev reloads reuse the same PGlite instance.
const holder = globalThis as unknown as { __chamanDb?: Promise<DbHandle> };

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
