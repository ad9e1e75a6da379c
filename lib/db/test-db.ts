// Test helper: a fresh, migrated database per test file (PGlite in memory, or a new PostgreSQL
// database when DATABASE_URL is set, dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { after, before } from "node:test";
import { openDatabase, setDbHandle, type Db, type DbHandle } from "./client";
import { seedDemo } from "./seed/demo";

/** A fresh migrated database; `url` is set on PostgreSQL, so a test can open a second "app instance" on it. */
export async function useFreshDatabase(): Promise<DbHandle & { url?: string; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ pglite: "memory" });
    setDbHandle(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `chaman_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: testUrl.toString() });
  setDbHandle(handle);
  return {
    ...handle,
    url: testUrl.toString(),
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // pool.end() resolves before its sockets are closed; dropping "with (force)" while they close
      // makes the server terminate them, an uncaught client error that fails the test file under load.
      for (let attempt = 0; attempt < 100; attempt++) {
        const open = await cleanup.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if ((open.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * For a test file: before its tests, a fresh database with the demo world (handed to `ready`);
 * after them, the database is closed and dropped.
 */
export function withDemoDatabase(ready: (db: Db) => void): void {
  let dispose: (() => Promise<void>) | undefined;
  before(async () => {
    const handle = await useFreshDatabase();
    dispose = handle.dispose;
    await seedDemo(handle.db);
    ready(handle.db);
  });
  after(async () => dispose?.());
}
