import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { authenticate } from "@/lib/auth/authenticate";
import { loadContexts, type ActingContext } from "@/lib/auth/contexts";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { queryJournal } from "./journal";
import { recordEvent } from "./record";

let db: Db;
withDemoDatabase((ready) => (db = ready));

async function contextOf(username: string): Promise<ActingContext> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const ctx = (await loadContexts(db, user!.id))?.contexts[0];
  assert.ok(ctx);
  return ctx;
}

test("issue 6: a sender's journal shows its own events and its enterprise's sign-ins, nobody else's", async () => {
  const danny = await contextOf("danny");
  const claire = await contextOf("claire");
  await authenticate("bob", "wrong", "10.9.0.1");
  await authenticate("claire", "demo", "10.9.0.2");
  await recordEvent(db, { action: "account.create", senderId: danny.senderId, enterpriseId: danny.enterpriseId, qualityId: danny.qualityId, actorLabel: "danny", targetType: "account", targetId: "x" });
  await recordEvent(db, { action: "account.create", senderId: claire.senderId, enterpriseId: claire.enterpriseId, qualityId: claire.qualityId, actorLabel: "claire", targetType: "account", targetId: "y" });

  const apk = await queryJournal(db, danny, {});
  assert.deepEqual(apk.map((r) => [r.action, r.actorLabel]).sort(), [["account.create", "danny"], ["auth.sign-in-failed", "bob"]]);
  const dupont = await queryJournal(db, claire, {});
  assert.deepEqual(dupont.map((r) => [r.action, r.actorLabel]).sort(), [["account.create", "claire"], ["auth.sign-in", "claire"]]);
});

test("filters by action prefix, user and date, and pages by id", async () => {
  const danny = await contextOf("danny");
  assert.equal((await queryJournal(db, danny, { action: "auth" })).length, 1);
  assert.equal((await queryJournal(db, danny, { actor: "dan" })).length, 1);
  assert.equal((await queryJournal(db, danny, { actor: "%" })).length, 0, "LIKE wildcards typed by the user match literally");
  assert.equal((await queryJournal(db, danny, { from: "2000-01-01", to: "2000-01-02" })).length, 0);
  const [newest, older] = await queryJournal(db, danny, {});
  assert.ok(newest && older);
  assert.deepEqual((await queryJournal(db, danny, { before: newest.id })).map((r) => r.id), [older.id]);
});
