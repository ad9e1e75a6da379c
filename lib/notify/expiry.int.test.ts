import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import { openDatabase, type Db, type DbHandle } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed/demo";
import { resetDemo } from "@/lib/db/seed/reset";
import { useFreshDatabase } from "@/lib/db/test-db";
import { acceptDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { runExpiryNotices } from "./expiry";

// Issue 16: the daily expiry job over a simulated clock (`now` passed explicitly, no sleeps): 60, 30, 7
// days before and on the day, each once; catch-up after a gap; a delegated REST account's certificates
// go to the intermediary's contact; two instances running the job at once mail each threshold once.

let db: Db;
let fresh: Awaited<ReturnType<typeof useFreshDatabase>>;
let ftpCertId: string;
let ftpAccountId: string;
const DAY = 86_400_000;
// Noon in Brussels on the expiry day; the job runs at 06:00 Brussels (05:00 UTC in winter).
const EXPIRY = new Date("2027-01-29T11:00:00Z");
const at = (daysBefore: number) => new Date(EXPIRY.getTime() - daysBefore * DAY - 6 * 3600_000);

before(async () => {
  process.env.CHAMAN_PUBLIC_URL = "https://chaman.example.be";
  fresh = await useFreshDatabase();
  db = fresh.db;
  await seedDemo(db);
});
after(async () => fresh.dispose());
beforeEach(async () => {
  await resetDemo(db);
  const [ftp] = await db
    .select({ certId: s.certificates.id, accountId: s.accounts.id })
    .from(s.certificates)
    .innerJoin(s.accounts, eq(s.accounts.id, s.certificates.accountId))
    .where(eq(s.accounts.type, "FTP"));
  ftpCertId = ftp!.certId;
  ftpAccountId = ftp!.accountId;
  await db.update(s.certificates).set({ notAfter: EXPIRY }).where(eq(s.certificates.id, ftpCertId));
});

const outbox = () => db.select().from(s.mailOutbox).orderBy(s.mailOutbox.id);

test("each threshold is mailed once, on its day, to the sender's contact in its language", async () => {
  assert.equal((await runExpiryNotices(db, at(61))).mailed, 0);
  assert.equal((await runExpiryNotices(db, at(60))).mailed, 1);
  assert.equal((await runExpiryNotices(db, at(60))).mailed, 0, "the same day again");
  assert.equal((await runExpiryNotices(db, new Date(at(60).getTime() + 3 * 3600_000))).mailed, 0, "a later run the same day");
  assert.equal((await runExpiryNotices(db, at(45))).mailed, 0);
  assert.equal((await runExpiryNotices(db, at(30))).mailed, 1);
  assert.equal((await runExpiryNotices(db, at(7))).mailed, 1);
  assert.equal((await runExpiryNotices(db, at(0))).mailed, 1);
  assert.equal((await runExpiryNotices(db, at(-1))).mailed, 0, "nothing after the expiry day");

  const mails = await outbox();
  assert.deepEqual(
    mails.map((m) => [m.kind, m.recipient, m.locale, m.subject]),
    [
      ["certificate.expiring", "claire@boulangerie-dupont.be", "fr", "Votre certificat « certificat-ftp » expire dans 60 jours"],
      ["certificate.expiring", "claire@boulangerie-dupont.be", "fr", "Votre certificat « certificat-ftp » expire dans 30 jours"],
      ["certificate.expiring", "claire@boulangerie-dupont.be", "fr", "Votre certificat « certificat-ftp » expire dans 7 jours"],
      ["certificate.expired", "claire@boulangerie-dupont.be", "fr", "Votre certificat « certificat-ftp » expire aujourd’hui"],
    ],
  );
  assert.equal(mails[0]?.link, `https://chaman.example.be/accounts/${ftpAccountId}`);
  assert.match(mails[0]?.textBody ?? "", /expire le 29 janvier 2027, dans 60 jours/);
  assert.match(mails[0]?.htmlBody ?? "", new RegExp(`href="https://chaman.example.be/accounts/${ftpAccountId}"`));
});

test("after downtime the job catches up: one mail with the true number of days, skipped thresholds recorded", async () => {
  assert.equal((await runExpiryNotices(db, at(60))).mailed, 1);
  // The server was down from day -59 to day -6.
  const caughtUp = await runExpiryNotices(db, at(5));
  assert.deepEqual({ mailed: caughtUp.mailed, recordedOnly: caughtUp.recordedOnly }, { mailed: 1, recordedOnly: 1 });
  const [, second] = await outbox();
  assert.equal(second?.subject, "Votre certificat « certificat-ftp » expire dans 5 jours");
  const notices = await db.select().from(s.certificateExpiryNotices).where(eq(s.certificateExpiryNotices.certificateId, ftpCertId));
  assert.deepEqual(notices.map((n) => [n.thresholdDays, n.mailId !== null]).sort(), [[30, false], [60, true], [7, true]].sort());
  assert.equal((await runExpiryNotices(db, at(4))).mailed, 0);
});

test("a delegated REST account's certificate concerns the intermediary's contact (in Dutch), with the link to the delegated account", async () => {
  const claire = await actorFor(db, "claire");
  const ivan = await actorFor(db, "ivan");
  const [rest] = await db
    .select({ accountId: s.accounts.id, certId: s.certificates.id })
    .from(s.accounts)
    .innerJoin(s.certificates, eq(s.certificates.accountId, s.accounts.id))
    .where(eq(s.accounts.name, "Dupont Dimona REST"));
  const request = await requestFromEnterprise(db, claire, { accountId: rest!.accountId, intermediaryNumber: "0456789034" });
  assert.ok(request.ok);
  assert.ok((await acceptDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  await db.delete(s.mailOutbox);
  await db.update(s.certificates).set({ notAfter: EXPIRY }).where(eq(s.certificates.id, rest!.certId));
  await db.update(s.certificates).set({ notAfter: new Date(EXPIRY.getTime() + 365 * DAY) }).where(eq(s.certificates.id, ftpCertId));

  assert.equal((await runExpiryNotices(db, at(7))).mailed, 1);
  const [mail] = await outbox();
  assert.equal(mail?.recipient, "ivan@digital-services.be");
  assert.equal(mail?.locale, "nl");
  assert.equal(mail?.subject, "Uw certificaat ‘certificat-rest’ vervalt over 7 dagen");
  assert.equal(mail?.link, `https://chaman.example.be/delegations/accounts/${rest!.accountId}`);
  assert.match(mail?.textBody ?? "", /gedelegeerd door Boulangerie Dupont \(0876\.543\.270\)/);
});

test("two instances running the job at once mail each certificate and threshold once", async () => {
  // A second "app instance": its own connection pool on PostgreSQL, the same database on PGlite (one process).
  const second: DbHandle | null = fresh.url ? await openDatabase({ url: fresh.url }) : null;
  try {
    const other = second?.db ?? db;
    // Ten certificates reach each threshold the same day (eight more on the REST account).
    const [restCert] = await db.select().from(s.certificates).innerJoin(s.accounts, eq(s.accounts.id, s.certificates.accountId)).where(eq(s.accounts.type, "REST"));
    const { id: _id, ...copy } = restCert!.certificates;
    void _id;
    // Each copy gets its own fingerprint: one certificate may be on an account only once (issue 13).
    await db.insert(s.certificates).values(Array.from({ length: 8 }, (_, i) => ({ ...copy, name: `extra-${i}`, sha256Fingerprint: `${copy.sha256Fingerprint}-copy-${i}` })));
    await db.update(s.certificates).set({ notAfter: EXPIRY });
    const certs = await db.select({ id: s.certificates.id }).from(s.certificates);
    assert.equal(certs.length, 10);
    for (const day of [60, 30, 7, 0]) {
      const runs = await Promise.all([runExpiryNotices(db, at(day)), runExpiryNotices(other, at(day)), runExpiryNotices(other, at(day))]);
      assert.equal(runs.reduce((n, r) => n + r.mailed, 0), certs.length, `day -${day}`);
    }
    const perCertThreshold = await db
      .select({ certificateId: s.certificateExpiryNotices.certificateId, threshold: s.certificateExpiryNotices.thresholdDays, mailId: s.certificateExpiryNotices.mailId })
      .from(s.certificateExpiryNotices)
      .where(eq(s.certificateExpiryNotices.thresholdDays, 60));
    assert.equal(perCertThreshold.length, certs.length);
    const mails = await outbox();
    assert.equal(new Set(mails.map((m) => m.id)).size, mails.length);
    assert.equal(mails.length, certs.length * 4);
  } finally {
    await second?.close();
  }
});
