import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed/demo";
import { useFreshDatabase } from "@/lib/db/test-db";
import { startSmtpSink, type SmtpSink } from "@/lib/notify/test-smtp";
import { runNotify } from "./notify";

// Issue 16: `notify run [--now <date>]` runs the expiry job as of that date, then delivers the outbox
// through SMTP_URL (here a real SMTP sink on 127.0.0.1:2565); a second run the same day sends nothing.

let db: Db;
let dispose: () => Promise<void>;
let sink: SmtpSink;
before(async () => {
  const handle = await useFreshDatabase();
  db = handle.db;
  dispose = handle.dispose;
  await seedDemo(db);
  sink = await startSmtpSink({ mode: "plain", port: 2565 });
});
after(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
  await dispose();
});

async function captured(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...args: unknown[]) => out.push(args.join(" "));
  console.error = (...args: unknown[]) => err.push(args.join(" "));
  try {
    return { code: await run(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

test("bad usage exits 2 with the usage line", async () => {
  for (const args of [[], ["send"], ["run", "--now"], ["run", "--now", "yesterday-ish"], ["run", "--later"]]) {
    const r = await captured(() => runNotify(args));
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, /notify run|not a date/);
  }
});

test("notify run --now mails the thresholds reached by then, through SMTP_URL, once", async () => {
  const [ftp] = await db.select({ id: s.certificates.id }).from(s.certificates).innerJoin(s.accounts, eq(s.accounts.id, s.certificates.accountId)).where(eq(s.accounts.type, "FTP"));
  await db.update(s.certificates).set({ notAfter: new Date("2027-03-31T10:00:00Z") }).where(eq(s.certificates.id, ftp!.id));
  process.env.SMTP_URL = sink.url;
  const first = await captured(() => runNotify(["run", "--now", "2027-03-24T06:00:00+01:00"]));
  assert.equal(first.code, 0, first.err);
  const report = JSON.parse(first.out) as { expiry: { mailed: number }; delivery: { sent: number } };
  assert.equal(report.expiry.mailed, 1);
  assert.equal(report.delivery.sent, 1);
  assert.deepEqual(sink.received.map((m) => [m.to[0], m.parsed.subject]), [["claire@boulangerie-dupont.be", "Votre certificat « certificat-ftp » expire dans 7 jours"]]);

  const again = JSON.parse((await captured(() => runNotify(["run", "--now", "2027-03-24T18:00:00+01:00"]))).out) as typeof report;
  assert.equal(again.expiry.mailed, 0);
  assert.equal(again.delivery.sent, 0);
  assert.equal(sink.received.length, 1);
});

test("QA 11b-A/C: notify run renders links with the server's public URL and marks demo mails as simulated", async () => {
  const { recordServerSettings, resetAdoptedServerSettings } = await import("@/lib/notify/server-settings");
  const [rest] = await db.select({ id: s.certificates.id }).from(s.certificates).innerJoin(s.accounts, eq(s.accounts.id, s.certificates.accountId)).where(eq(s.accounts.type, "REST"));
  await db.update(s.certificates).set({ notAfter: new Date("2027-06-30T10:00:00Z") }).where(eq(s.certificates.id, rest!.id));
  // The server's configuration: its public URL, no SMTP (demo).
  delete process.env.SMTP_URL;
  process.env.CHAMAN_PUBLIC_URL = "http://127.0.0.1:3210";
  await recordServerSettings(db);
  // The command's shell: another URL and an SMTP server that must not be used for these mails.
  process.env.CHAMAN_PUBLIC_URL = "http://localhost:3000";
  process.env.SMTP_URL = sink.url;
  const before = sink.received.length;
  try {
    const r = await captured(() => runNotify(["run", "--now", "2027-06-29T06:00:00+02:00"]));
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /server's configuration: public URL http:\/\/127\.0\.0\.1:3210/);
    const [mail] = await db.select().from(s.mailOutbox).where(eq(s.mailOutbox.kind, "certificate.expiring")).orderBy(s.mailOutbox.id);
    const latest = (await db.select().from(s.mailOutbox)).sort((a, b) => b.id - a.id)[0]!;
    assert.ok(mail);
    assert.match(latest.link, /^http:\/\/127\.0\.0\.1:3210\//);
    assert.equal(latest.status, "simulated");
    assert.equal(sink.received.length, before, "a simulated mail is never delivered");
  } finally {
    delete process.env.CHAMAN_PUBLIC_URL;
    await db.delete(s.serverSettings);
    resetAdoptedServerSettings();
  }
});

test("QA 11b-B: --now outside the demo data is a dry run unless --commit", async () => {
  const [ftp] = await db.select({ id: s.certificates.id }).from(s.certificates).innerJoin(s.accounts, eq(s.accounts.id, s.certificates.accountId)).where(eq(s.accounts.type, "FTP"));
  await db.update(s.certificates).set({ notAfter: new Date("2028-03-31T10:00:00Z") }).where(eq(s.certificates.id, ftp!.id));
  await db.delete(s.certificateExpiryNotices).where(eq(s.certificateExpiryNotices.certificateId, ftp!.id));
  const demoKeys = await db.select().from(s.demoCaKeys);
  await db.delete(s.demoCaKeys); // no longer the demo world
  try {
    const mailsBefore = (await db.select().from(s.mailOutbox)).length;
    const dry = await captured(() => runNotify(["run", "--now", "2028-03-24T06:00:00+01:00"]));
    assert.equal(dry.code, 0, dry.err);
    const report = JSON.parse(dry.out) as { dryRun: boolean; expiry: { wouldMail: Array<{ certificate: string; threshold: number }> } };
    assert.equal(report.dryRun, true);
    assert.deepEqual(report.expiry.wouldMail.map((m) => [m.certificate, m.threshold]), [["certificat-ftp", 7]]);
    assert.equal((await db.select().from(s.mailOutbox)).length, mailsBefore);
    assert.equal((await db.select().from(s.certificateExpiryNotices).where(eq(s.certificateExpiryNotices.certificateId, ftp!.id))).length, 0);

    const committed = await captured(() => runNotify(["run", "--now", "2028-03-24T06:00:00+01:00", "--commit"]));
    assert.equal(committed.code, 0, committed.err);
    assert.equal((JSON.parse(committed.out) as { expiry: { mailed: number } }).expiry.mailed, 1);
  } finally {
    await db.insert(s.demoCaKeys).values(demoKeys);
  }
});
