/** /api/health: 200 "ok" when the database takes a write, 503 "degraded" when it cannot (issue 11). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql, type SQL } from "drizzle-orm";
import { setDbHandle, type Db, type DbHandle } from "@/lib/db/client";
import { useFreshDatabase } from "@/lib/db/test-db";
import { GET } from "./route";

let handle: DbHandle & { dispose(): Promise<void> };
before(async () => {
  handle = await useFreshDatabase();
});
after(async () => handle.dispose());

const read = async () => {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string } };
};

test("ok when the database takes a write", async () => {
  assert.deepEqual(await read(), { status: 200, body: { status: "ok", database: { kind: handle.kind, status: "up" } } });
});

test("degraded when the session is read-only", async () => {
  // Every probe runs in a read-only transaction, as on a database switched to read-only.
  const readOnly = {
    execute: (query: SQL) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set transaction read only`);
        return tx.execute(query);
      }),
  } as unknown as Db;
  setDbHandle({ ...handle, db: readOnly });
  const { status, body } = await read();
  assert.deepEqual([status, body.status], [503, "degraded"]);
});

test("degraded when the database does not answer", async () => {
  const down = { execute: () => Promise.reject(new Error("connection to the database owner lost")) } as unknown as Db;
  setDbHandle({ ...handle, db: down });
  const { status, body } = await read();
  assert.deepEqual([status, body.status], [503, "degraded"]);
  setDbHandle(handle);
});

test("degraded within the probe time when the write probe never completes (QA 11b-J)", async () => {
  process.env.CHAMAN_HEALTH_TIMEOUT_MS = "200";
  setDbHandle({ ...handle, db: { execute: () => new Promise(() => undefined) } as unknown as Db });
  try {
    const { status, body } = await read();
    assert.deepEqual([status, body.status], [503, "degraded"]);
  } finally {
    delete process.env.CHAMAN_HEALTH_TIMEOUT_MS;
    setDbHandle(handle);
  }
});
