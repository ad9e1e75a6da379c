import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { and, eq, gte } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { dispatchAll, dispatchDue, MAX_ATTEMPTS, retryDelayMs } from "./dispatcher";
import { enqueueMail } from "./outbox";
import { assembleMail } from "./render";
import { selfSignedTls, startSmtpSink } from "./test-smtp";
import { smtpTransport } from "./transport";

// Issue 16: delivery through a real SMTP server (smtp-server on 127.0.0.1): plain, STARTTLS and implicit
// TLS with credentials; a dead server never blocks the action, the mail is retried with back-off, the
// failure is in the journal, and the mail goes out once the server is back. Ports 2560-2563 (this branch's).

let db: Db;
let tls: { key: string; cert: string };

withDemoDatabase((ready) => (db = ready));
before(async () => {
  tls = await selfSignedTls();
});
// Mails queued while SMTP_URL is set are to be delivered (without it: simulated, QA 11b-C).
beforeEach(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2599";
});
beforeEach(async () => resetDemo(db));
after(() => {
  delete process.env.SMTP_URL;
});

async function queueOne(to = "contact@example.be") {
  const mail = assembleMail({ locale: "de", subject: "Prüfung « ü »", greetingName: "Jana", paragraphs: ["Absatz"], actionLabel: "Öffnen", path: "/delegations", footer: "Fußzeile" });
  return enqueueMail(db, { kind: "test", recipient: to, senderId: null, enterpriseId: null, mail });
}

for (const mode of ["plain", "starttls", "tls"] as const) {
  test(`SMTP ${mode}: the mail arrives with its recipient, subject, both bodies, and the session is ${mode === "plain" ? "not " : ""}encrypted`, async () => {
    const auth = mode === "plain" ? undefined : { user: "chaman", pass: "s3cret:with@signs" };
    const sink = await startSmtpSink({ mode, tls, port: 2560 + ["plain", "starttls", "tls"].indexOf(mode), ...(auth ? { auth } : {}) });
    const transport = smtpTransport(sink.url)!;
    try {
      const id = await queueOne();
      assert.deepEqual(await dispatchAll(db, transport), { sent: 1, retrying: 0, failed: 0 });
      assert.equal(sink.received.length, 1);
      const got = sink.received[0]!;
      assert.deepEqual(got.to, ["contact@example.be"]);
      assert.equal(got.secure, mode !== "plain");
      assert.equal(got.user, auth?.user);
      assert.equal(got.parsed.subject, "Prüfung « ü »");
      assert.match(got.parsed.text ?? "", /^Guten Tag Jana,/);
      assert.match(String(got.parsed.html), /<html lang="de">/);
      assert.equal(got.parsed.messageId, `<chaman-${id}@localhost>`);
      const [row] = await db.select().from(s.mailOutbox).where(eq(s.mailOutbox.id, id));
      assert.equal(row?.status, "sent");
      assert.equal(row?.attempts, 1);
    } finally {
      transport.close();
      await sink.close();
    }
  });
}

test("wrong SMTP credentials: the mail stays pending and the failure is in the journal", async () => {
  const sink = await startSmtpSink({ mode: "starttls", tls, port: 2561, auth: { user: "chaman", pass: "right" } });
  const transport = smtpTransport(sink.url.replace("chaman:right@", "chaman:wrong@"))!;
  try {
    await queueOne();
    assert.deepEqual(await dispatchDue(db, transport), { sent: 0, retrying: 1, failed: 0 });
    assert.equal(sink.received.length, 0);
  } finally {
    transport.close();
    await sink.close();
  }
});

test("dead SMTP server: the action succeeds, the mail is retried with back-off, then sent when the server is back", async () => {
  const port = 2563;
  const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`)!;
  const claire = await actorFor(db, "claire");
  const [account] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST"));
  const request = await requestFromEnterprise(db, claire, { accountId: account!.id, intermediaryNumber: "0456789034" });
  assert.ok(request.ok, "the action does not depend on the mail server");
  const t0 = new Date();

  assert.deepEqual(await dispatchDue(db, transport, { now: t0 }), { sent: 0, retrying: 1, failed: 0 });
  const [queued] = await db.select().from(s.mailOutbox);
  assert.equal(queued?.status, "pending");
  assert.equal(queued?.attempts, 1);
  assert.match(queued?.lastError ?? "", /ECONNREFUSED/);
  assert.equal(queued?.nextAttemptAt.getTime(), t0.getTime() + retryDelayMs(1));
  // The journal is append-only across resets: only this test's events.
  const journal = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "mail.failed"), gte(s.auditEvents.at, t0)));
  assert.equal(journal.length, 1);
  assert.equal(journal[0]?.senderId, queued?.senderId, "in the journal of the recipient's sender");
  assert.equal((journal[0]?.summary as { after: { recipient: string } }).after.recipient, "ivan@digital-services.be");

  // Not due yet: nothing is tried. Second failure: the wait doubles.
  assert.deepEqual(await dispatchDue(db, transport, { now: new Date(t0.getTime() + retryDelayMs(1) - 1) }), { sent: 0, retrying: 0, failed: 0 });
  const t1 = new Date(t0.getTime() + retryDelayMs(1));
  assert.deepEqual(await dispatchDue(db, transport, { now: t1 }), { sent: 0, retrying: 1, failed: 0 });
  const [twice] = await db.select().from(s.mailOutbox);
  assert.equal(twice?.nextAttemptAt.getTime(), t1.getTime() + retryDelayMs(2));
  assert.equal(retryDelayMs(2), 2 * retryDelayMs(1));

  // The server comes back.
  const sink = await startSmtpSink({ mode: "plain", port });
  try {
    assert.deepEqual(await dispatchDue(db, transport, { now: new Date(t1.getTime() + retryDelayMs(2)) }), { sent: 1, retrying: 0, failed: 0 });
    assert.deepEqual(sink.received.map((m) => m.to), [["ivan@digital-services.be"]]);
    const [sent] = await db.select().from(s.mailOutbox);
    assert.equal(sent?.status, "sent");
    assert.equal(sent?.attempts, 3);
  } finally {
    transport.close();
    await sink.close();
  }
});

test(`after ${MAX_ATTEMPTS} failed attempts the mail is given up (« failed »), and said so in the journal`, async () => {
  const transport = smtpTransport("smtp://127.0.0.1:2563?ignoreTLS=true")!;
  try {
    await queueOne();
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await dispatchDue(db, transport, { now: new Date(now) });
      assert.deepEqual(r, attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
      now += retryDelayMs(attempt);
    }
    const [row] = await db.select().from(s.mailOutbox);
    assert.equal(row?.status, "failed");
    assert.equal((await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "mail.abandoned"))).length, 1);
    assert.deepEqual(await dispatchDue(db, transport, { now: new Date(now + 86_400_000) }), { sent: 0, retrying: 0, failed: 0 });
  } finally {
    transport.close();
  }
});

test("two dispatchers at once (two app instances) send each mail once", async () => {
  const sink = await startSmtpSink({ mode: "plain", port: 2560 });
  const a = smtpTransport(sink.url)!;
  const b = smtpTransport(sink.url)!;
  try {
    for (let i = 0; i < 12; i++) await queueOne(`c${i}@example.be`);
    const [ra, rb] = await Promise.all([dispatchDue(db, a, { limit: 5 }), dispatchDue(db, b, { limit: 5 })]);
    const rest = await dispatchAll(db, a);
    assert.equal(ra.sent + rb.sent + rest.sent, 12);
    assert.deepEqual(sink.received.map((m) => m.to[0]).sort(), Array.from({ length: 12 }, (_, i) => `c${i}@example.be`).sort());
  } finally {
    a.close();
    b.close();
    await sink.close();
  }
});

test("QA 11b-C: without SMTP_URL a mail is « simulated » and never delivered once SMTP is configured", async () => {
  delete process.env.SMTP_URL;
  const id = await queueOne();
  const sink = await startSmtpSink({ mode: "plain", port: 2566 });
  try {
    const sent = await dispatchAll(db, smtpTransport(sink.url)!);
    assert.equal(sent.sent, 0);
    assert.equal(sink.received.length, 0);
    const [row] = await db.select({ status: s.mailOutbox.status }).from(s.mailOutbox).where(eq(s.mailOutbox.id, id));
    assert.equal(row?.status, "simulated");
  } finally {
    await sink.close();
  }
});
