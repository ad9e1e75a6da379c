import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import { authenticate } from "@/lib/auth/authenticate";
import { deleteAccount } from "@/lib/channels/account-edits";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { addDelegatedCertificate } from "@/lib/delegation/certificates";
import { acceptDelegation, endDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { createCertificate } from "@/lib/pki/generate";
import { queryJournal } from "./journal";
import { recordEvent } from "./record";

let db: Db;
withDemoDatabase((ready) => (db = ready));

test("issue 6: a sender's journal shows its own events and its enterprise's sign-ins, nobody else's", async () => {
  const danny = (await actorFor(db, "danny")).ctx;
  const claire = (await actorFor(db, "claire")).ctx;
  await authenticate("bob", "wrong", "10.9.0.1");
  await authenticate("claire", "demo", "10.9.0.2");
  await recordEvent(db, { action: "account.create", senderId: danny.senderId, enterpriseId: danny.enterpriseId, qualityId: danny.qualityId, actorLabel: "danny", targetType: "account", targetId: "x" });
  await recordEvent(db, { action: "account.create", senderId: claire.senderId, enterpriseId: claire.enterpriseId, qualityId: claire.qualityId, actorLabel: "claire", targetType: "account", targetId: "y" });

  const apk = await queryJournal(db, danny, {});
  assert.deepEqual(apk.map((r) => [r.action, r.actorLabel]).sort(), [["account.create", "danny"], ["auth.sign-in-failed", "bob"]]);
  const dupont = await queryJournal(db, claire, {});
  // Issue 13: a sign-in names the person, not the username; a refused one keeps the username typed (bob above).
  assert.deepEqual(dupont.map((r) => [r.action, r.actorLabel]).sort(), [["account.create", "claire"], ["auth.sign-in", "Claire Dupont"]]);
  assert.deepEqual((await queryJournal(db, claire, { actor: "dupont" })).map((r) => r.action), ["auth.sign-in"], "the person filter finds a sign-in by the person's name");
});

test("issue 13: filters by kind of action, person and Brussels days; pages by id in both orders", async () => {
  const danny = (await actorFor(db, "danny")).ctx;
  assert.deepEqual((await queryJournal(db, danny, { kind: "sign-ins" })).map((r) => r.action), ["auth.sign-in-failed"]);
  assert.deepEqual((await queryJournal(db, danny, { kind: "accounts" })).map((r) => r.action), ["account.create"]);
  assert.equal((await queryJournal(db, danny, { kind: "certificates" })).length, 0);
  assert.equal((await queryJournal(db, danny, { actor: "dan" })).length, 1);
  assert.equal((await queryJournal(db, danny, { actor: "%" })).length, 0, "LIKE wildcards typed by the user match literally");
  assert.equal((await queryJournal(db, danny, { from: "2000-01-01", to: "2000-01-02" })).length, 0);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
  assert.equal((await queryJournal(db, danny, { from: today, to: today })).length, 2);
  const [newest, older] = await queryJournal(db, danny, {});
  assert.ok(newest && older && newest.id > older.id, "newest first");
  assert.deepEqual((await queryJournal(db, danny, { cursor: newest.id })).map((r) => r.id), [older.id]);
  assert.deepEqual((await queryJournal(db, danny, { order: "asc" })).map((r) => r.id), [older.id, newest.id]);
  assert.deepEqual((await queryJournal(db, danny, { order: "asc", cursor: older.id })).map((r) => r.id), [newest.id]);
  assert.deepEqual((await queryJournal(db, danny, {}, 1)).map((r) => r.id), [newest.id], "the limit holds across scopes");
});

test("issue 13, SPEC §5: both sides of a delegation see its events; the enterprise does not see the intermediary's certificates", async () => {
  const claire = await actorFor(db, "claire");
  const ivan = await actorFor(db, "ivan");
  const danny = await actorFor(db, "danny");
  const [rest] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST"));
  const request = await requestFromEnterprise(db, claire, { accountId: rest!.id, intermediaryNumber: "0456789034" });
  assert.ok(request.ok);
  assert.ok((await acceptDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  const issued = await createCertificate({ subject: { cn: "digital-dupont-client", o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
  assert.ok((await addDelegatedCertificate(db, ivan, { accountId: rest!.id, name: "cert-intermediaire", fileName: "digital.cer", bytes: issued.der })).ok);

  const forIvan = await queryJournal(db, ivan.ctx, { kind: "certificates" });
  assert.equal(forIvan.length, 1);
  assert.equal(forIvan[0]!.targetLabel, "Dupont Dimona REST");
  assert.equal(forIvan[0]!.redacted, false);
  assert.match(JSON.stringify(forIvan[0]!.summary), /cert-intermediaire/);
  assert.deepEqual((await queryJournal(db, ivan.ctx, { kind: "delegations" })).map((r) => r.action), ["delegation.accept", "delegation.request"]);

  const forClaire = await queryJournal(db, claire.ctx, { kind: "certificates" });
  assert.equal(forClaire.length, 1);
  assert.deepEqual([forClaire[0]!.redacted, forClaire[0]!.summary, forClaire[0]!.ip, forClaire[0]!.targetLabel], [true, null, null, "Dupont Dimona REST"]);
  assert.doesNotMatch(JSON.stringify(forClaire), /cert-intermediaire|digital\.cer/);
  assert.deepEqual((await queryJournal(db, claire.ctx, { kind: "delegations" })).map((r) => r.action), ["delegation.accept", "delegation.request"]);

  assert.equal((await queryJournal(db, danny.ctx, { kind: "delegations" })).length, 0, "a third enterprise sees none of it");
  assert.equal((await queryJournal(db, danny.ctx, { kind: "certificates" })).length, 0);

  // Ending the delegation removes the intermediary's certificate: the enterprise reads that it happened,
  // never which certificate it was (its name, file, serial and fingerprint are the intermediary's).
  assert.ok((await endDelegation(db, claire, { delegationId: request.delegationId })).ok);
  const [removed] = await queryJournal(db, claire.ctx, { kind: "certificates" });
  assert.deepEqual([removed?.action, removed?.redacted, removed?.summary, removed?.targetLabel], ["certificate.remove-delegated", true, null, "Dupont Dimona REST"]);
  const [forTheIntermediary] = await queryJournal(db, ivan.ctx, { kind: "certificates" });
  assert.equal(forTheIntermediary?.action, "certificate.remove-delegated");
  assert.equal(forTheIntermediary?.redacted, false);
  assert.match(JSON.stringify(forTheIntermediary?.summary), /cert-intermediaire/);
});

test("issue 13: a deleted account keeps its name in the journal", async () => {
  const claire = await actorFor(db, "claire");
  const [ftp] = await db.select({ id: s.accounts.id, name: s.accounts.name }).from(s.accounts).where(and(eq(s.accounts.senderId, claire.ctx.senderId!), eq(s.accounts.type, "FTP")));
  assert.ok(ftp);
  assert.deepEqual(await deleteAccount(db, claire, { accountId: ftp.id }), { ok: true });
  const [deleted] = await queryJournal(db, claire.ctx, { kind: "accounts" });
  assert.deepEqual([deleted?.action, deleted?.targetLabel, deleted?.actorLabel], ["account.delete", ftp.name, claire.label]);
});
