import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { withDemoDatabase } from "@/lib/db/test-db";
import * as s from "@/lib/db/schema";
import { actorFor } from "@/lib/channels/test-support";
import { getContact, saveContact } from "./contact";

let db: Db;

withDemoDatabase((ready) => (db = ready));

const input = { name: "Danny Janssens", countryCode: "+32", phone: "0486531619", email: "danny@apk.be", language: "fr" as const };

test("SPEC §2: danny's sender has no contact; a wrong phone number is refused and nothing saved", async () => {
  const danny = await actorFor(db, "danny");
  assert.equal(await getContact(db, danny.ctx.senderId!), null);
  const r = await saveContact(db, danny, { ...input, phone: "12" });
  assert.equal(r.ok ? "ok" : `${r.field}:${r.code}`, "phone:phone.invalid");
  const code = await saveContact(db, danny, { ...input, countryCode: "+999" });
  assert.equal(code.ok ? "ok" : `${code.field}:${code.code}`, "countryCode:phone.country-code");
  // Issue 13: the service checks the address with the rule whose message says what is wrong.
  const email = await saveContact(db, danny, { ...input, email: "danny@apk" });
  assert.equal(email.ok ? "ok" : `${email.field}:${email.code}`, "email:email.domain");
  assert.equal(await getContact(db, danny.ctx.senderId!), null);
});

test("SPEC §2: exactly one contact per sender, created then updated (also under parallel saves)", async () => {
  const danny = await actorFor(db, "danny");
  const results = await Promise.all([saveContact(db, danny, input), saveContact(db, danny, { ...input, name: "Other" })]);
  assert.ok(results.every((r) => r.ok));
  const updated = await saveContact(db, danny, { ...input, phone: "+32 456 98 65 32", language: "nl" });
  assert.deepEqual(updated, { ok: true, created: false });
  const rows = await db.select().from(s.contacts).where(eq(s.contacts.senderId, danny.ctx.senderId!));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.phoneE164, "+32456986532");
  assert.equal(rows[0]?.language, "nl");
  const events = await db.select({ action: s.auditEvents.action }).from(s.auditEvents).where(eq(s.auditEvents.targetId, danny.ctx.senderId!));
  assert.deepEqual(events.map((e) => e.action).sort(), ["contact.create", "contact.update", "contact.update"]);
});

test("bob is refused; claire updates only her own sender's contact", async () => {
  const bob = await actorFor(db, "bob");
  assert.deepEqual(await saveContact(db, bob, input), { ok: false, code: "access.denied" });
  const claire = await actorFor(db, "claire");
  assert.equal((await saveContact(db, claire, { ...input, name: "Claire D." })).ok, true);
  const danny = await actorFor(db, "danny");
  assert.notEqual((await getContact(db, danny.ctx.senderId!))?.name, "Claire D.");
});
