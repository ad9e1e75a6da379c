import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { assertRefused, messageOf } from "@/lib/access/test-support";
import type { ServiceActor } from "@/lib/access/service";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { createCertificate } from "@/lib/pki/generate";
import { addDelegatedCertificate, deleteDelegatedCertificate, downloadDelegatedCertificate } from "./certificates";
import { endDelegation } from "./decisions";
import { getDelegatedAccount } from "./delegated-account";
import { listDelegatedAccounts } from "./queries";
import { acceptedDupontDelegation } from "./test-support";

// SPEC §3, §4.4 and §5: the intermediary manages the certificates of an accepted delegated REST
// account — add, delete (never the last one), download — and nothing else.

let db: Db;
let claire: ServiceActor;
let ivan: ServiceActor;
let accountId: string;
let delegationId: string;

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  ({ claire, ivan, accountId, delegationId } = await acceptedDupontDelegation(db));
});

async function selfSigned(cn: string) {
  return createCertificate({ subject: { cn, o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
}
const certificateIds = async () => (await db.select({ id: s.certificates.id }).from(s.certificates).where(eq(s.certificates.accountId, accountId))).map((c) => c.id);

test("the intermediary sees the delegated account under « Comptes délégués », with its permissions read-only", async () => {
  const list = await listDelegatedAccounts(db, ivan);
  assert.ok(list.ok);
  assert.deepEqual(list.accounts.map((a) => [a.name, a.enterpriseName, a.certificates]), [["Dupont Dimona REST", "Boulangerie Dupont", 1]]);
  const detail = await getDelegatedAccount(db, ivan, accountId);
  assert.ok(detail.ok);
  assert.deepEqual(detail.permissions.map((p) => p.fr), ["Consultation de la déclaration Dimona", "Effectuer des déclarations Dimona"]);
  // The account stays the enterprise's: same sender, same permissions (FAQ: only the owner edits them).
  const [account] = await db.select().from(s.accounts).where(eq(s.accounts.id, accountId));
  assert.equal(account?.senderId, claire.ctx.senderId);
  assertRefused(await getDelegatedAccount(db, claire, accountId), "not-found");
  const listForClaire = await listDelegatedAccounts(db, claire);
  assertRefused(listForClaire, "access.denied");
});

test("SPEC §4.4: the intermediary adds a self-signed REST certificate; a refused one says why (FR, NL)", async () => {
  const issued = await selfSigned("digital-dupont-client");
  const added = await addDelegatedCertificate(db, ivan, { accountId, name: "cert-intermediaire", fileName: "C:\\fakepath\\digital.cer", bytes: issued.der });
  assert.ok(added.ok, JSON.stringify(added));
  const [row] = await db.select().from(s.certificates).where(eq(s.certificates.id, added.certificateId));
  assert.equal(row?.fileName, "digital.cer");
  assert.equal(row?.subjectCn, "digital-dupont-client");
  assert.equal(row?.uploadedBy, ivan.userId);
  const events = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "certificate.add"));
  const event = events.find((e) => (e.summary?.after as { id?: string } | undefined)?.id === added.certificateId);
  assert.equal(event?.targetId, accountId);
  assert.equal(event?.senderId, claire.ctx.senderId);
  assert.equal(event?.actorUserId, ivan.userId);

  const weak = await createCertificate({ subject: { cn: "weak" }, key: { kind: "RSA", bits: 1024 }, keyUsage: ["digitalSignature"] });
  const refused = await addDelegatedCertificate(db, ivan, { accountId, name: "faible", fileName: "weak.cer", bytes: weak.der });
  assertRefused(refused, "cert.key-size", "certificate");
  assert.match(messageOf(refused, "fr"), /1024 bits : seules les clés RSA 2048, 3072 ou 4096/);
  assert.match(messageOf(refused, "nl"), /1024/);
  const noUsage = await createCertificate({ subject: { cn: "no-usage" }, keyUsage: ["keyEncipherment"] });
  assertRefused(await addDelegatedCertificate(db, ivan, { accountId, name: "x", fileName: "x.cer", bytes: noUsage.der }), "cert.key-usage", "certificate");
  assert.equal((await certificateIds()).length, 2);
});

test("SPEC §3: delete any certificate but the last; download byte for byte", async () => {
  const issued = await selfSigned("second");
  const added = await addDelegatedCertificate(db, ivan, { accountId, name: "second", fileName: "second.cer", bytes: issued.der });
  assert.ok(added.ok);
  const download = await downloadDelegatedCertificate(db, ivan, { accountId, certificateId: added.certificateId });
  assert.ok(download.ok);
  assert.deepEqual(Buffer.from(download.content), Buffer.from(issued.der));
  assert.equal(download.fileName, "second.cer");

  const [original] = (await certificateIds()).filter((id) => id !== added.certificateId);
  assert.ok((await deleteDelegatedCertificate(db, ivan, { accountId, certificateId: original! })).ok);
  const last = await deleteDelegatedCertificate(db, ivan, { accountId, certificateId: added.certificateId });
  assertRefused(last, "account.last-certificate");
  assert.equal(messageOf(last, "fr"), "Il est impossible de supprimer un certificat s’il s’agit du seul certificat associé au compte REST. Ajoutez d’abord un autre certificat.");
  assert.match(messageOf(last, "nl"), /^Een certificaat kan niet verwijderd worden als het het enige certificaat van de REST-account is/);
  assert.deepEqual(await certificateIds(), [added.certificateId]);
});

test("two concurrent deletions of the two last certificates: one certificate always remains", async () => {
  const issued = await selfSigned("second");
  assert.ok((await addDelegatedCertificate(db, ivan, { accountId, name: "second", fileName: "second.cer", bytes: issued.der })).ok);
  const ids = await certificateIds();
  assert.equal(ids.length, 2);
  const results = await Promise.all(ids.map((certificateId) => deleteDelegatedCertificate(db, ivan, { accountId, certificateId })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  for (const r of results.filter((r) => !r.ok)) assertRefused(r, "account.last-certificate");
  assert.equal((await certificateIds()).length, 1);
});

test("no access without an accepted delegation: other accounts, forged ids, after the end", async () => {
  const ftp = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.type, "FTP")))[0]!.id;
  const [ftpCert] = await db.select({ id: s.certificates.id }).from(s.certificates).where(eq(s.certificates.accountId, ftp));
  assertRefused(await downloadDelegatedCertificate(db, ivan, { accountId: ftp, certificateId: ftpCert!.id }), "not-found");
  assertRefused(await downloadDelegatedCertificate(db, ivan, { accountId, certificateId: ftpCert!.id }), "not-found");
  assertRefused(await deleteDelegatedCertificate(db, ivan, { accountId: ftp, certificateId: ftpCert!.id }), "not-found");
  const [ownCert] = await certificateIds();
  // The enterprise's users do not manage certificates through the intermediary's services.
  assertRefused(await deleteDelegatedCertificate(db, claire, { accountId, certificateId: ownCert! }), "not-found");
  assertRefused(await downloadDelegatedCertificate(db, claire, { accountId, certificateId: ownCert! }), "not-found");

  assert.ok((await endDelegation(db, claire, { delegationId })).ok);
  const issued = await selfSigned("late");
  assertRefused(await addDelegatedCertificate(db, ivan, { accountId, name: "late", fileName: "late.cer", bytes: issued.der }), "not-found");
  assertRefused(await downloadDelegatedCertificate(db, ivan, { accountId, certificateId: ownCert! }), "not-found");
  const list = await listDelegatedAccounts(db, ivan);
  assert.ok(list.ok);
  assert.equal(list.accounts.length, 0);
  assert.equal((await certificateIds()).length, 1);
});

test("issue 13: the intermediary cannot add the same certificate twice, nor a copy of one already on the account", async () => {
  const cert = await selfSigned("Ivan Duplicate");
  const first = await addDelegatedCertificate(db, ivan, { accountId, name: "ivan-1", fileName: "ivan.cer", bytes: cert.der });
  assert.ok(first.ok);
  const again = await addDelegatedCertificate(db, ivan, { accountId, name: "ivan-2", fileName: "ivan-copy.cer", bytes: cert.der });
  assertRefused(again, "cert.duplicate", "certificate");
  assert.equal(again.ok ? "" : again.params?.name, "ivan-1");
  assert.match(messageOf(again, "nl"), /‘ivan-1’/);
  // The enterprise's own certificate stays during the delegation and the intermediary sees it: named too.
  const enterpriseOwn = (await db.select({ name: s.certificates.name, content: s.certificates.content, delegationId: s.certificates.delegationId }).from(s.certificates).where(eq(s.certificates.accountId, accountId))).find((c) => c.delegationId === null);
  assert.ok(enterpriseOwn, "the enterprise's own certificate stays during the delegation");
  const copy = await addDelegatedCertificate(db, ivan, { accountId, name: "copy", fileName: "copy.cer", bytes: enterpriseOwn.content });
  assertRefused(copy, "cert.duplicate");
  assert.equal(copy.ok ? "" : copy.params?.name, enterpriseOwn.name);
  assert.equal((await certificateIds()).length, 2);
});
