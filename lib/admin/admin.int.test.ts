import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { certificatesNoLongerTrusted, loadTrustStore, verifyCertificate } from "@/lib/channels/trust-store";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { createCertificate } from "@/lib/pki/generate";
import { grantPlatformAdmin, isPlatformAdmin, cliActor, revokePlatformAdmin, type AdminActor } from "./admins";
import { appNow, movedNow, setDemoClock } from "./clock";
import { resetDemonstration } from "./demo-reset";
import { listAdminJournal } from "./journal";
import { addTrustedCa, listTrustedCas, retireTrustedCa } from "./trust-store";

// Issue 17: the administration services on the demo world (PGlite, or PostgreSQL with DATABASE_URL).

let db: Db;
withDemoDatabase((ready) => (db = ready));

const admin: AdminActor = { userId: null, label: "Test Admin", ip: "127.0.0.1" };
const year = 365 * 24 * 3600 * 1000;

test("the demo admin persona is a platform administrator; grant by username or NISS is journaled once", async () => {
  const [adminUser] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, "admin"));
  assert.ok(adminUser && (await isPlatformAdmin(db, adminUser.id)));
  const [claire] = await db.select({ id: s.users.id, niss: s.users.niss }).from(s.users).where(eq(s.users.username, "claire"));
  assert.equal(await isPlatformAdmin(db, claire!.id), false);
  assert.deepEqual(await grantPlatformAdmin(db, cliActor, "nobody"), { ok: false, code: "admin.user-not-found" });
  const first = await grantPlatformAdmin(db, cliActor, claire!.niss);
  assert.ok(first.ok && !first.alreadyAdmin);
  const second = await grantPlatformAdmin(db, cliActor, "CLAIRE");
  assert.ok(second.ok && second.alreadyAdmin);
  assert.equal(await isPlatformAdmin(db, claire!.id), true);
  const grants = (await listAdminJournal(db)).filter((e) => e.action === "admin.grant");
  assert.equal(grants.length, 1);
  assert.equal(grants[0]!.actor, "CLI");
  assert.deepEqual(grants[0]!.summary?.before, { admin: false });
});

test("adding a CA: checked (CA, key, hash, validity), stored once, journaled; a certificate it issues is accepted on FTP", async () => {
  const now = new Date();
  const ca = await createCertificate({ subject: { cn: "Admin Test eID CA", c: "BE" }, isCa: true, notAfter: new Date(now.getTime() + 5 * year) });
  const leaf = await createCertificate({ subject: { cn: "Leaf" }, issuer: ca, notAfter: new Date(now.getTime() + year) });
  const weak = await createCertificate({ subject: { cn: "Weak CA" }, isCa: true, key: { kind: "RSA", bits: 1024 } });
  const sha1 = await createCertificate({ subject: { cn: "SHA-1 CA" }, isCa: true, hash: "SHA-1" });
  const expired = await createCertificate({ subject: { cn: "Old CA" }, isCa: true, notBefore: new Date(now.getTime() - 3 * year), notAfter: new Date(now.getTime() - year) });

  assert.equal((await verifyCertificate(db, { fileName: "leaf.cer", bytes: leaf.der }, "FTP")).ok, false);
  const refusals = await Promise.all([
    addTrustedCa(db, admin, { fileName: "leaf.cer", bytes: leaf.der, family: "eid" }, now),
    addTrustedCa(db, admin, { fileName: "weak.cer", bytes: weak.der, family: "eid" }, now),
    addTrustedCa(db, admin, { fileName: "sha1.cer", bytes: sha1.der, family: "eid" }, now),
    addTrustedCa(db, admin, { fileName: "old.cer", bytes: expired.der, family: "eid" }, now),
    addTrustedCa(db, admin, { fileName: "ca.pfx", bytes: ca.der, family: "eid" }, now),
    addTrustedCa(db, admin, { fileName: "junk.cer", bytes: new Uint8Array([1, 2, 3]), family: "eid" }, now),
  ]);
  assert.deepEqual(refusals.map((r) => (r.ok ? "ok" : r.key)), [
    "admin.errors.notCa", "rules.cert.key-size", "rules.cert.signature-hash", "rules.cert.expired", "rules.cert.pkcs12", "rules.cert.unreadable",
  ]);
  // Two administrators adding the same CA at once: one row.
  const both = await Promise.all([1, 2].map(() => addTrustedCa(db, admin, { fileName: "ca.cer", bytes: new TextEncoder().encode(ca.pem), family: "eid" }, now)));
  assert.deepEqual(both.map((r) => (r.ok ? "ok" : r.key)).sort(), ["admin.errors.caDuplicate", "ok"]);
  assert.equal((await verifyCertificate(db, { fileName: "leaf.cer", bytes: leaf.der }, "FTP")).ok, true);
  assert.equal((await listAdminJournal(db)).filter((e) => e.action === "admin.trust.add").length, 1);
});

test("retiring a CA keeps it listed, drops it from the checks and flags the stored certificates it issued", async () => {
  const [ftp] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.type, "FTP"));
  assert.equal((await certificatesNoLongerTrusted(db, "FTP", ftp!.id)).size, 0);
  const before = await listTrustedCas(db);
  const eid = before.find((c) => c.subject.includes("Demo Belgium eID Citizen CA"))!;
  assert.equal(eid.certificateCount, 1, "the demo FTP certificate chains to the demo eID CA");
  assert.deepEqual(await retireTrustedCa(db, admin, "00000000-0000-4000-8000-000000000000"), { ok: false, key: "errors.not-found" });
  assert.ok((await retireTrustedCa(db, admin, eid.sha256)).ok);
  assert.deepEqual(await retireTrustedCa(db, admin, eid.id), { ok: false, key: "errors.not-found" }, "retired once only");
  const after = await listTrustedCas(db);
  assert.equal(after.length, before.length, "nothing deleted");
  assert.ok(after.find((c) => c.id === eid.id)!.retiredAt);
  assert.ok(!(await loadTrustStore(db)).some((c) => c.label === "Demo Belgium eID Citizen CA"));
  const flagged = await certificatesNoLongerTrusted(db, "FTP", ftp!.id);
  assert.equal(flagged.size, 1);
  assert.equal((await db.select().from(s.certificates)).length, 2, "stored certificates are kept");
  const retire = (await listAdminJournal(db)).find((e) => e.action === "admin.trust.retire")!;
  assert.deepEqual([retire.summary?.before, retire.summary?.after], [{ status: "active" }, { status: "retired" }]);
});

test("the demonstration clock moves appNow for every reader and is journaled; cleared, the real time is back", async () => {
  const real = Date.now();
  assert.ok(Math.abs((await appNow(db)).getTime() - real) < 60_000);
  const target = new Date("2031-06-15T12:00:00Z");
  await setDemoClock(db, admin, target);
  const moved = await appNow(db);
  assert.ok(moved.getTime() >= target.getTime() && moved.getTime() - target.getTime() < 60_000);
  assert.equal(movedNow({ demoDate: target, setAt: new Date(1000) }, new Date(61_000)).getTime(), target.getTime() + 60_000);
  await setDemoClock(db, admin, new Date("2032-01-01T12:00:00Z"));
  assert.equal((await db.select().from(s.demoClock)).length, 1, "one clock row");
  // Re-applying the same date changes nothing: no journal row without a before → after (issue 17 QA).
  const [setAt] = await db.select({ setAt: s.demoClock.setAt }).from(s.demoClock);
  assert.equal(await setDemoClock(db, admin, new Date("2032-01-01T12:00:00Z")), false);
  assert.deepEqual(await db.select({ setAt: s.demoClock.setAt }).from(s.demoClock), [setAt], "the clock is not restarted");
  assert.equal(await setDemoClock(db, admin, null), true);
  assert.ok(Math.abs((await appNow(db)).getTime() - Date.now()) < 60_000);
  // Clearing a clock that is not moved changes nothing and leaves no empty « changé » row in the journal.
  assert.equal(await setDemoClock(db, admin, null), false);
  const clocks = (await listAdminJournal(db)).filter((e) => e.action === "admin.clock").map((e) => [e.summary?.before, e.summary?.after]);
  assert.deepEqual(clocks, [
    ["2032-01-01T12:00:00.000Z", null],
    ["2031-06-15T12:00:00.000Z", "2032-01-01T12:00:00.000Z"],
    [null, "2031-06-15T12:00:00.000Z"],
  ]);
});

test("revoking an administrator: not the last one, oneself only when confirmed, two at once never leave none; journaled", async () => {
  const userId = async (username: string) => (await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username)))[0]!.id;
  const adminId = await userId("admin");
  const self: AdminActor = { userId: adminId, label: "Admin Demo", ip: "127.0.0.1" };
  const countAdmins = async () => (await db.select().from(s.platformAdmins)).length;
  // claire was made administrator by the first test; bob never was.
  assert.deepEqual(await revokePlatformAdmin(db, self, "bob"), { ok: false, key: "admin-changes.errors.notAdmin", params: { who: "bob" } });
  assert.deepEqual(await revokePlatformAdmin(db, self, "nobody"), { ok: false, key: "admin.errors.userNotFound", params: { who: "nobody" } });
  assert.deepEqual(await revokePlatformAdmin(db, self, "admin"), { ok: false, key: "admin-changes.errors.selfNeedsConfirmation" });
  assert.ok((await revokePlatformAdmin(db, self, "claire")).ok);
  assert.equal(await isPlatformAdmin(db, await userId("claire")), false);
  assert.deepEqual(await revokePlatformAdmin(db, self, "admin", { confirmSelf: true }), { ok: false, key: "admin-changes.errors.lastAdmin" });
  assert.deepEqual(await revokePlatformAdmin(db, cliActor, "admin"), { ok: false, key: "admin-changes.errors.lastAdmin" });

  // Two administrators removing each other at the same moment: one succeeds, one administrator remains.
  await grantPlatformAdmin(db, cliActor, "claire");
  const claire: AdminActor = { userId: await userId("claire"), label: "Claire Dupont", ip: "127.0.0.1" };
  const both = await Promise.all([revokePlatformAdmin(db, self, "claire"), revokePlatformAdmin(db, claire, "admin")]);
  assert.deepEqual(both.map((r) => (r.ok ? "ok" : r.key)).sort(), ["admin-changes.errors.lastAdmin", "ok"]);
  assert.equal(await countAdmins(), 1);

  const revokes = (await listAdminJournal(db)).filter((e) => e.action === "admin.revoke");
  assert.equal(revokes.length, 2);
  assert.deepEqual(revokes.at(-1)!.summary, { before: { admin: true, username: "claire" }, after: { admin: false } });
});

test("a demo reset journals what it reset: accounts, certificates, delegations, open sessions and the demo date, before → after", async () => {
  await setDemoClock(db, admin, new Date("2031-06-15T12:00:00Z"));
  const [ftp] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont FTP"));
  await db.delete(s.accounts).where(eq(s.accounts.id, ftp!.id));
  const { before, after } = await resetDemonstration(db, admin);
  assert.equal(before.accounts + 1, after.accounts, "the deleted account is back");
  assert.equal(before.demoDate, "2031-06-15T12:00:00.000Z");
  assert.deepEqual([after.sessions, after.demoDate], [0, null]);
  const [row] = (await listAdminJournal(db)).filter((e) => e.action === "admin.reset");
  assert.deepEqual(row?.summary, { before: { ...before }, after: { ...after } });
  assert.equal(row?.actor, "Test Admin");
});
