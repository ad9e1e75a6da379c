/**
 * Issue 11: the owner of the embedded database shares ONE PostgreSQL session between its own queries and
 * the clients of its socket. A socket client's transaction (or Parse…Sync exchange) never interleaves with
 * the owner's queries and transactions, nor with another client's. Each test below fails without the gate
 * (lib/db/embedded/session-gate.ts): the other side's statement would run inside the open transaction.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { socketDirFor } from "./owner-lock";

let dir: string;
let folder: string;
let owner: DbHandle;
const clients: pg.Client[] = [];

async function socketClient(): Promise<pg.Client> {
  const client = new pg.Client({ host: socketDirFor(folder), port: 5432, user: "postgres", database: "postgres" });
  await client.connect();
  clients.push(client);
  return client;
}

const count = async (q: { execute: DbHandle["db"]["execute"] }) =>
  ((await q.execute(sql`select count(*)::int as n from gate_probe`)) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chaman-gate-"));
  folder = path.join(dir, "pglite");
  owner = await openDatabase({ pglite: folder, kind: "service" });
  assert.equal(owner.access, "owner");
  await owner.db.execute(sql`create table gate_probe (n int)`);
  await owner.db.execute(sql`create table gate_counter (id int primary key, n int not null)`);
  await owner.db.execute(sql`insert into gate_counter values (1, 0)`);
});

after(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await owner.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the owner's query waits for a socket client's transaction to end", async () => {
  const client = await socketClient();
  await client.query("begin");
  await client.query("insert into gate_probe values (1)");
  // Without the gate this read runs inside the client's open transaction and sees its row.
  const ownerRead = count(owner.db);
  await client.query("rollback");
  assert.equal(await ownerRead, 0);
});

test("a socket client's query waits for the owner's transaction to end", async () => {
  const client = await socketClient();
  let clientRead: Promise<pg.QueryResult<{ n: number }>> | undefined;
  await owner.db
    .transaction(async (tx) => {
      await tx.execute(sql`insert into gate_probe values (2)`);
      clientRead = client.query<{ n: number }>("select count(*)::int as n from gate_probe");
      // Give the client's query every chance to reach PGlite while the transaction is open (bounded).
      for (let i = 0; i < 30; i++) await tx.execute(sql`select pg_sleep(0.005)`);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message === "Rollback")) throw error;
    });
  assert.equal((await clientRead!).rows[0]?.n, 0);
});

test("read-modify-write transactions from the owner and two socket clients never interleave", async () => {
  const [a, b] = [await socketClient(), await socketClient()];
  const rounds = 25;
  const viaSocket = async (client: pg.Client) => {
    for (let i = 0; i < rounds; i++) {
      await client.query("begin");
      const { rows } = await client.query<{ n: number }>("select n from gate_counter where id = 1");
      await client.query("update gate_counter set n = $1 where id = 1", [(rows[0]?.n ?? 0) + 1]);
      await client.query("commit");
    }
  };
  const inProcess = async () => {
    for (let i = 0; i < rounds; i++) {
      await owner.db.transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select n from gate_counter where id = 1`)) as unknown as { rows: Array<{ n: number }> };
        await tx.execute(sql`update gate_counter set n = ${(rows[0]?.n ?? 0) + 1} where id = 1`);
      });
    }
  };
  await Promise.all([viaSocket(a), viaSocket(b), inProcess()]);
  const { rows } = await a.query<{ n: number }>("select n from gate_counter where id = 1");
  assert.equal(rows[0]?.n, 3 * rounds, "no update lost, no statement run in another's transaction");
});

test("a client that disconnects inside a transaction is rolled back and frees the session", async () => {
  const client = new pg.Client({ host: socketDirFor(folder), port: 5432, user: "postgres", database: "postgres" });
  await client.connect();
  await client.query("begin");
  await client.query("insert into gate_probe values (3)");
  const ownerRead = count(owner.db);
  await client.end();
  assert.equal(await ownerRead, 0);
});

test("parameterised queries (Parse, Bind, Execute, Sync) from several clients at once each get their own answer", async () => {
  const all = await Promise.all([socketClient(), socketClient(), socketClient()]);
  const answers = await Promise.all(
    all.flatMap((client, c) => Array.from({ length: 40 }, (_, i) => client.query<{ v: string }>("select $1::text as v", [`${c}-${i}`]).then((r) => [r.rows[0]?.v, `${c}-${i}`]))),
  );
  assert.deepEqual(answers.filter(([got, sent]) => got !== sent), []);
});
