import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { withDemoDatabase } from "@/lib/db/test-db";
import { resetDemo } from "@/lib/db/seed/reset";
import * as s from "@/lib/db/schema";
import { createAccount } from "./accounts";
import { certificateFile, deleteRestCertificate, enterpriseParty, uploadCertificate, type CertificateParty } from "./certificates";
import { getAccountDetail } from "./queries";
import type { ServiceActor } from "./service";
import { actorFor, certFile } from "./test-support";

let db: Db;
let danny: ServiceActor;
let party: CertificateParty;
let restId: string;

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  await resetDemo(db);
  danny = await actorFor(db, "danny");
  const p = enterpriseParty(danny);
  assert.ok(p.ok);
  party = p.party;
  const [perm] = await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, "ws.dimona-declare"));
  const created = await createAccount(db, danny, { type: "REST", name: "My REST Account", permissionIds: [perm!.id], certificate: await certFile(db, "self"), certificateName: "first" });
  assert.ok(created.ok);
  restId = created.accountId;
});

// In upload order: the tests delete "the first one".
const certsOf = async (accountId: string) => db.select({ id: s.certificates.id, name: s.certificates.name }).from(s.certificates).where(eq(s.certificates.accountId, accountId)).orderBy(asc(s.certificates.uploadedAt), asc(s.certificates.name));

test("SPEC §3: a REST account takes more certificates; one can be deleted but never the last", async () => {
  const added = await uploadCertificate(db, party, { accountId: restId, certificate: await certFile(db, "other"), certificateName: "second", mode: "add" }, danny.userId);
  assert.equal(added.ok, true);
  const [first, second] = await certsOf(restId);
  assert.ok(first && second);
  assert.equal((await deleteRestCertificate(db, party, { accountId: restId, certificateId: first.id })).ok, true);
  assert.deepEqual(await deleteRestCertificate(db, party, { accountId: restId, certificateId: second.id }), { ok: false, code: "account.last-certificate" });
  assert.deepEqual((await certsOf(restId)).map((c) => c.name), ["second"]);
});

test("SPEC §4.4 on REST: a self-signed certificate without digitalSignature is refused", async () => {
  const r = await uploadCertificate(db, party, { accountId: restId, certificate: await certFile(db, "self", { keyUsage: ["keyEncipherment"] }), certificateName: "x", mode: "add" }, danny.userId);
  assert.equal(r.ok ? "ok" : `${r.field}:${r.code}`, "certificate:cert.key-usage");
  assert.equal((await certsOf(restId)).length, 1);
});

test("2 parallel deletes of the 2 certificates: exactly one succeeds", async () => {
  await uploadCertificate(db, party, { accountId: restId, certificate: await certFile(db, "self"), certificateName: "second", mode: "add" }, danny.userId);
  const certs = await certsOf(restId);
  assert.equal(certs.length, 2);
  const results = await Promise.all(certs.map((c) => deleteRestCertificate(db, party, { accountId: restId, certificateId: c.id })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.deepEqual(results.find((r) => !r.ok), { ok: false, code: "account.last-certificate" });
  assert.equal((await certsOf(restId)).length, 1);
});

test("FTP/SFTP/SOAP: replace only, with the new name; adding is refused", async () => {
  const soap = await createAccount(db, danny, { type: "SOAP", name: "WKSOAP", certificate: await certFile(db, "globalsign-personalsign3pro"), certificateName: "old" });
  assert.ok(soap.ok);
  const add = await uploadCertificate(db, party, { accountId: soap.accountId, certificate: await certFile(db, "globalsign-personalsign3pro"), certificateName: "x", mode: "add" }, danny.userId);
  assert.deepEqual(add, { ok: false, code: "account.certificate-add-rest-only", params: { type: "SOAP" } });
  const bad = await uploadCertificate(db, party, { accountId: soap.accountId, certificate: await certFile(db, "eid"), certificateName: "new", mode: "replace" }, danny.userId);
  assert.equal(bad.ok ? "ok" : bad.code, "cert.issuer-not-allowed");
  const replaced = await uploadCertificate(db, party, { accountId: soap.accountId, certificate: await certFile(db, "globalsign-personalsign3pro", { fileName: "new.cer" }), certificateName: "new", mode: "replace" }, danny.userId);
  assert.equal(replaced.ok, true);
  const detail = await getAccountDetail(db, danny.ctx.senderId!, soap.accountId, "fr");
  assert.deepEqual(detail?.certificates.map((c) => [c.name, c.fileName]), [["new", "new.cer"]]);
  const [event] = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "certificate.replace"));
  assert.ok(JSON.stringify(event?.summary).includes("old"));
});

test("download gives the original bytes; another enterprise gets not-found", async () => {
  const file = await certFile(db, "self", { fileName: "mine.cer" });
  const added = await uploadCertificate(db, party, { accountId: restId, certificate: file, certificateName: "mine", mode: "add" }, danny.userId);
  assert.ok(added.ok);
  const got = await certificateFile(db, party, { accountId: restId, certificateId: added.certificateId });
  assert.ok(got.ok);
  assert.equal(got.fileName, "mine.cer");
  assert.deepEqual(Buffer.from(got.content), Buffer.from(file.bytes));
  const claire = enterpriseParty(await actorFor(db, "claire"));
  assert.ok(claire.ok);
  assert.deepEqual(await certificateFile(db, claire.party, { accountId: restId, certificateId: added.certificateId }), { ok: false, code: "not-found" });
  assert.deepEqual(await deleteRestCertificate(db, claire.party, { accountId: restId, certificateId: added.certificateId }), { ok: false, code: "not-found" });
  const upload = await uploadCertificate(db, claire.party, { accountId: restId, certificate: file, certificateName: "x", mode: "add" }, null);
  assert.deepEqual(upload, { ok: false, code: "not-found" });
  assert.equal((await certsOf(restId)).length, 2);
});

test("bob has no party; ann has one", async () => {
  assert.deepEqual(enterpriseParty(await actorFor(db, "bob")), { ok: false, code: "access.denied" });
  assert.equal(enterpriseParty(await actorFor(db, "ann")).ok, true);
});

test("SPEC §5: a delegated account's certificates are hidden from and refused to the enterprise", async () => {
  await db.update(s.accounts).set({ certificateManagement: "intermediary" }).where(eq(s.accounts.id, restId));
  const detail = await getAccountDetail(db, danny.ctx.senderId!, restId, "fr");
  assert.equal(detail?.certificates.length, 0);
  const [cert] = await certsOf(restId);
  assert.ok(cert);
  const refused = { ok: false, code: "account.certificates-delegated" };
  assert.deepEqual(await certificateFile(db, party, { accountId: restId, certificateId: cert.id }), refused);
  assert.deepEqual(await deleteRestCertificate(db, party, { accountId: restId, certificateId: cert.id }), refused);
  assert.deepEqual(await uploadCertificate(db, party, { accountId: restId, certificate: await certFile(db, "self"), certificateName: "x", mode: "add" }, danny.userId), refused);
});

test("issue 13: the same certificate (same SHA-256) is refused the second time, naming the first; nothing is written", async () => {
  const file = await certFile(db, "self");
  assert.equal((await uploadCertificate(db, party, { accountId: restId, certificate: file, certificateName: "second", mode: "add" }, danny.userId)).ok, true);
  // The same bytes under another file name and certificate name.
  const again = await uploadCertificate(db, party, { accountId: restId, certificate: { ...file, fileName: "copy.cer" }, certificateName: "third", mode: "add" }, danny.userId);
  assert.equal(again.ok ? "ok" : `${again.field}:${again.code}:${again.params?.name}`, "certificate:cert.duplicate:second");
  assert.deepEqual((await certsOf(restId)).map((c) => c.name).sort(), ["first", "second"]);
});

test("issue 13: two parallel uploads of one certificate: exactly one is stored (the unique index decides)", async () => {
  const file = await certFile(db, "self");
  const results = await Promise.all(
    ["a", "b"].map((name) => uploadCertificate(db, party, { accountId: restId, certificate: file, certificateName: name, mode: "add" }, danny.userId)),
  );
  assert.equal(results.filter((r) => r.ok).length, 1);
  const refused = results.find((r) => !r.ok);
  assert.equal(refused && !refused.ok ? refused.code : "", "cert.duplicate");
  assert.equal((await certsOf(restId)).length, 2);
});

test("issue 13: the database refuses a second row with the same fingerprint on one account", async () => {
  const [row] = await db.select().from(s.certificates).where(eq(s.certificates.accountId, restId));
  assert.ok(row);
  const { id: _id, ...copy } = row;
  await assert.rejects(db.insert(s.certificates).values({ ...copy, name: "copy" }));
});
