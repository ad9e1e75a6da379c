// Issue 19 (item 6): ending a delegation removes the certificates the intermediary added — their
// private keys are the intermediary's — at once and journaled; the enterprise's own ones stay.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { ServiceActor } from "@/lib/access/service";
import { enterpriseParty, uploadCertificate } from "@/lib/channels/certificates";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { createCertificate } from "@/lib/pki/generate";
import { addDelegatedCertificate, deleteDelegatedCertificate, downloadDelegatedCertificate } from "./certificates";
import { acceptDelegation, endDelegation } from "./decisions";
import { requestFromEnterprise } from "./requests";
import { acceptedDupontDelegation } from "./test-support";

let db: Db;
let claire: ServiceActor;
let ivan: ServiceActor;
let accountId: string;
let delegationId: string;
let firstEventId: number;

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  ({ claire, ivan, accountId, delegationId } = await acceptedDupontDelegation(db));
  const [last] = await db.select({ id: s.auditEvents.id }).from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1);
  firstEventId = (last?.id ?? 0) + 1;
});

const issue = (cn: string) => createCertificate({ subject: { cn, o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
const certificatesOfAccount = () => db.select().from(s.certificates).where(eq(s.certificates.accountId, accountId));

test("the intermediary's certificates are removed when the delegation ends; the enterprise's stay", async () => {
  const [own] = await certificatesOfAccount();
  assert.ok(own);
  const issued = await issue("digital-dupont-client");
  const added = await addDelegatedCertificate(db, ivan, { accountId, name: "cert-intermediaire", fileName: "digital.cer", bytes: issued.der });
  assert.ok(added.ok);
  assert.equal((await certificatesOfAccount()).find((c) => c.id === added.certificateId)?.delegationId, delegationId, "tagged with its delegation");

  const ended = await endDelegation(db, claire, { delegationId });
  assert.deepEqual(ended, { ok: true, certificatesRemoved: 1, accountHasCertificate: true });
  assert.deepEqual((await certificatesOfAccount()).map((c) => c.id), [own.id], "only the enterprise's own certificate is left");
  const journal = await db
    .select()
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.action, "certificate.remove-delegated"), gte(s.auditEvents.id, firstEventId)));
  assert.equal(journal.length, 1);
  const summary = journal[0]?.summary as { before: { id: string; sha256Fingerprint: string }; reason: string };
  assert.equal(summary.before.id, added.certificateId);
  assert.match(summary.before.sha256Fingerprint, /^[0-9A-F:]+$/i);
  assert.equal(summary.reason, "delegation-ended");
  assert.equal(journal[0]?.senderId, claire.ctx.senderId, "in the enterprise's journal");
  assert.equal((await downloadDelegatedCertificate(db, ivan, { accountId, certificateId: added.certificateId })).ok, false);
});

test("when only the intermediary's certificates were left, the account has none and the enterprise adds its own", async () => {
  const [own] = await certificatesOfAccount();
  const issued = await issue("digital-only");
  const added = await addDelegatedCertificate(db, ivan, { accountId, name: "seul", fileName: "seul.cer", bytes: issued.der });
  assert.ok(added.ok);
  assert.ok((await deleteDelegatedCertificate(db, ivan, { accountId, certificateId: own!.id })).ok);

  assert.deepEqual(await endDelegation(db, claire, { delegationId }), { ok: true, certificatesRemoved: 1, accountHasCertificate: false });
  assert.equal((await certificatesOfAccount()).length, 0, "no certificate of the intermediary authenticates the account any more");
  const [delegationEnd] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "delegation.end"), gte(s.auditEvents.id, firstEventId)));
  assert.deepEqual((delegationEnd?.summary as { after: Record<string, unknown> }).after, { status: "ended", account: "Dupont Dimona REST", certificatesRemoved: 1, accountHasCertificate: false });

  const party = enterpriseParty(claire);
  assert.ok(party.ok);
  const mine = await issue("dupont-own");
  const uploaded = await uploadCertificate(db, party.party, { accountId, certificateName: "le mien", certificate: { fileName: "mien.cer", bytes: mine.der }, mode: "add" }, claire.userId);
  assert.ok(uploaded.ok, "the enterprise adds its own certificate to the account again");
  assert.equal((await certificatesOfAccount())[0]?.delegationId, null);
});

test("a later delegation does not remove certificates the enterprise added in between", async () => {
  const issued = await issue("first-round");
  assert.ok((await addDelegatedCertificate(db, ivan, { accountId, name: "r1", fileName: "r1.cer", bytes: issued.der })).ok);
  assert.ok((await endDelegation(db, claire, { delegationId })).ok);
  const again = await requestFromEnterprise(db, claire, { accountId, intermediaryNumber: "0456789034" });
  assert.ok(again.ok);
  assert.ok((await acceptDelegation(db, ivan, { delegationId: again.delegationId })).ok);
  assert.deepEqual(await endDelegation(db, claire, { delegationId: again.delegationId }), { ok: true, certificatesRemoved: 0, accountHasCertificate: true });
});

test("migration 0011 tags the certificates an intermediary added before this fix", async () => {
  const issued = await issue("before-the-fix");
  const added = await addDelegatedCertificate(db, ivan, { accountId, name: "ancien", fileName: "ancien.cer", bytes: issued.der });
  assert.ok(added.ok);
  await db.update(s.certificates).set({ delegationId: null });
  const migration = readFileSync(path.join(process.cwd(), "lib/db/migrations/0015_backfill_delegated_certificates.sql"), "utf8");
  await db.execute(sql.raw(migration));
  const tagged = (await certificatesOfAccount()).map((c) => [c.id === added.certificateId, c.delegationId]);
  assert.deepEqual(tagged.sort(), [[false, null], [true, delegationId]]);
});
