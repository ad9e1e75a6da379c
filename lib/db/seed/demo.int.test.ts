import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { count, eq, sql } from "drizzle-orm";
import { loadContexts } from "@/lib/auth/contexts";
import { findManagers } from "@/lib/auth/managers";
import type { Db } from "@/lib/db/client";
import { useFreshDatabase } from "@/lib/db/test-db";
import * as s from "@/lib/db/schema";
import { seedDemo, seedIfEmpty } from "./demo";
import { resetDemo } from "./reset";

let db: Db;
let dispose: () => Promise<void>;

before(async () => {
  const handle = await useFreshDatabase();
  db = handle.db;
  dispose = handle.dispose;
  assert.equal(await seedIfEmpty(db), "seeded");
});
after(async () => dispose());

async function contextsOf(username: string) {
  const [user] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username));
  assert.ok(user, `persona ${username} exists`);
  const loaded = await loadContexts(db, user.id);
  assert.ok(loaded);
  return loaded.contexts;
}

test("the demo world is written once: a second start keeps the data", async () => {
  assert.equal(await seedIfEmpty(db), "kept");
  const [users] = await db.select({ n: count() }).from(s.users);
  // Seven enterprise personas and the platform administrator (issue 17).
  assert.equal(users?.n, 8);
});

test("issue 17: admin is a platform administrator with no enterprise; no enterprise persona is one", async () => {
  const rows = await db.select({ username: s.users.username }).from(s.platformAdmins).innerJoin(s.users, eq(s.users.id, s.platformAdmins.userId));
  assert.deepEqual(rows.map((r) => r.username), ["admin"]);
  assert.deepEqual(await contextsOf("admin"), []);
});

test("SPEC §1: APK Recycling's Employeur ONSS sender has no contact data and no account yet", async () => {
  const [ctx] = await contextsOf("danny");
  assert.ok(ctx?.senderId);
  assert.match(ctx.senderNumber ?? "", /^\d{6}$/);
  assert.equal((await db.select().from(s.contacts).where(eq(s.contacts.senderId, ctx.senderId))).length, 0);
  assert.equal((await db.select().from(s.accounts).where(eq(s.accounts.senderId, ctx.senderId))).length, 0);
});

test("SPEC §1: who has Chaman access among the personas", async () => {
  const access = async (u: string) => (await contextsOf(u)).map((c) => c.chamanAccess);
  assert.deepEqual(await access("danny"), [true]);
  assert.deepEqual(await access("mery"), [true]);
  assert.deepEqual(await access("ann"), [true]);
  assert.deepEqual(await access("bob"), [false]);
  assert.deepEqual(await access("steven"), [true]);
  assert.equal((await contextsOf("steven"))[0]?.canManageQualities, true);
  assert.equal((await contextsOf("danny"))[0]?.canManageQualities, false);
  assert.equal((await contextsOf("ann"))[0]?.canManageRights, false);
  const [ivan] = await contextsOf("ivan");
  assert.equal(ivan?.isTechnicalIntermediary, true);
});

test("bob's 403 page names his gestionnaire local first, then the responsable d’accès", async () => {
  const [ctx] = await contextsOf("bob");
  assert.ok(ctx);
  const managers = await findManagers(db, ctx.enterpriseId, ctx.qualityId);
  assert.deepEqual(
    managers.map((m) => [m.name, m.role]),
    [
      ["Danny Janssens", "gestionnaire-local"],
      ["Mery Dubois", "co-gestionnaire-local"],
      ["Steven Peeters", "responsable-acces"],
    ],
  );
});

test("the audit trail is append-only at the database level", async () => {
  await db.insert(s.auditEvents).values({ action: "test.event", actorLabel: "test" });
  await assert.rejects(db.update(s.auditEvents).set({ action: "tampered" }));
  await assert.rejects(db.delete(s.auditEvents));
  await assert.rejects(db.execute(sql`truncate table audit_events`));
  const [row] = await db.select({ n: count() }).from(s.auditEvents).where(eq(s.auditEvents.action, "test.event"));
  assert.equal(row?.n, 1);
});

test("the demo certificates are stored byte for byte with their details", async () => {
  const rows = await db.select({ fileName: s.certificates.fileName, serial: s.certificates.serialNumber, content: s.certificates.content }).from(s.certificates);
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.match(row.serial, /^\d+$/);
    assert.ok(row.content.length > 300);
  }
});

test("resetDemo puts the demo world back", async () => {
  await db.delete(s.contacts);
  await resetDemo(db);
  const [contacts] = await db.select({ n: count() }).from(s.contacts);
  assert.equal(contacts?.n, 2);
  await assert.rejects(seedDemo(db), "seeding twice violates unique constraints");
});
