import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import type { ServiceActor } from "@/lib/access/service";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { acceptDelegation, endDelegation, refuseDelegation, resendDelegation, withdrawDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise, requestFromIntermediary } from "@/lib/delegation/requests";
import { dispatchAll } from "./dispatcher";
import { startSmtpSink, type SmtpSink } from "./test-smtp";
import { smtpTransport, type MailTransport } from "./transport";

// Issue 16 / SPEC §5: every transition of a delegation reaches the OTHER party's contact person, through
// a real SMTP server, in that contact's « Langue » (demo: Claire Dupont fr, Ivan Claes nl), with a link to
// « Délégations » under CHAMAN_PUBLIC_URL.

let db: Db;
let claire: ServiceActor;
let ivan: ServiceActor;
let sink: SmtpSink;
let transport: MailTransport;
let accountId: string;

const CLAIRE = "claire@boulangerie-dupont.be";
const IVAN = "ivan@digital-services.be";
const LINK = "https://chaman.example.be/delegations";

withDemoDatabase((ready) => (db = ready));
before(async () => {
  process.env.CHAMAN_PUBLIC_URL = "https://chaman.example.be/";
  // Mails queued while SMTP_URL is set are to be delivered (without it: simulated, QA 11b-C).
  process.env.SMTP_URL = "smtp://127.0.0.1:2564";
  sink = await startSmtpSink({ mode: "plain", port: 2564 });
  transport = smtpTransport(sink.url, "Chaman <noreply@chaman.example.be>")!;
});
after(async () => {
  delete process.env.SMTP_URL;
  transport.close();
  await sink.close();
});
beforeEach(async () => {
  await resetDemo(db);
  sink.received.length = 0;
  claire = await actorFor(db, "claire");
  ivan = await actorFor(db, "ivan");
  accountId = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST")))[0]!.id;
});

/** Delivers the outbox and returns the one mail it sent (recipient, subject, text, html). */
async function deliveredOne() {
  const before = sink.received.length;
  const result = await dispatchAll(db, transport);
  assert.deepEqual(result, { sent: 1, retrying: 0, failed: 0 });
  assert.equal(sink.received.length, before + 1);
  const mail = sink.received.at(-1)!;
  return { to: mail.to, subject: mail.parsed.subject ?? "", text: mail.parsed.text ?? "", html: String(mail.parsed.html), from: mail.parsed.from?.text };
}

function expectMail(mail: Awaited<ReturnType<typeof deliveredOne>>, to: string, subject: string, textIncludes: string) {
  assert.deepEqual(mail.to, [to]);
  assert.equal(mail.subject, subject);
  assert.ok(mail.text.includes(textIncludes), mail.text);
  assert.ok(mail.text.includes(LINK), "plain-text link");
  assert.ok(mail.html.includes(`href="${LINK}"`), "HTML link");
}

test("enterprise-initiated: request, refusal, re-send, acceptance and end each reach the other party", async () => {
  const request = await requestFromEnterprise(db, claire, { accountId, intermediaryNumber: "0456789034" });
  assert.ok(request.ok);
  const first = await deliveredOne();
  expectMail(first, IVAN, "Nieuwe delegatieaanvraag van Boulangerie Dupont", "Boulangerie Dupont (0876.543.270) vraagt een delegatie");
  assert.ok(first.text.startsWith("Beste Ivan Claes,"));
  assert.ok(first.text.includes("‘Dupont Dimona REST’"));
  assert.equal(first.from, "\"Chaman\" <noreply@chaman.example.be>");

  assert.ok((await refuseDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  expectMail(await deliveredOne(), CLAIRE, "Digital Services SRL a refusé votre demande de délégation", "Bonjour Claire Dupont,");

  assert.ok((await resendDelegation(db, claire, { delegationId: request.delegationId })).ok);
  expectMail(await deliveredOne(), IVAN, "Delegatieaanvraag opnieuw verstuurd door Boulangerie Dupont", "opnieuw");

  assert.ok((await acceptDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  expectMail(await deliveredOne(), CLAIRE, "Digital Services SRL a accepté votre demande de délégation", "gère désormais les certificats");

  assert.ok((await endDelegation(db, claire, { delegationId: request.delegationId })).ok);
  expectMail(await deliveredOne(), IVAN, "Boulangerie Dupont heeft de delegatie beëindigd", "beheert de certificaten van deze account niet meer");
});

test("intermediary-initiated: request and withdrawal reach the enterprise, acceptance reaches the intermediary", async () => {
  const quality = (await db.select({ id: s.qualities.id }).from(s.qualities).where(eq(s.qualities.code, "employeur-onss")))[0]!.id;
  const request = await requestFromIntermediary(db, ivan, { enterpriseNumber: "0876543270", qualityId: quality });
  assert.ok(request.ok);
  const mail = await deliveredOne();
  expectMail(mail, CLAIRE, "Nouvelle demande de délégation de Digital Services SRL", "Digital Services SRL (0456.789.034) demande une délégation");
  assert.ok(!mail.text.includes("compte «"), "no account is chosen yet");

  assert.ok((await withdrawDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  expectMail(await deliveredOne(), CLAIRE, "Digital Services SRL a retiré sa demande de délégation", "Aucune action n’est requise");

  const again = await requestFromIntermediary(db, ivan, { enterpriseNumber: "0876543270", qualityId: quality });
  assert.ok(again.ok);
  expectMail(await deliveredOne(), CLAIRE, "Demande de délégation relancée par Digital Services SRL", "relance sa demande");
  assert.ok((await acceptDelegation(db, claire, { delegationId: again.delegationId, accountId })).ok);
  expectMail(await deliveredOne(), IVAN, "Boulangerie Dupont heeft uw delegatieaanvraag aanvaard", "(account ‘Dupont Dimona REST’)");
});

test("a refused action queues nothing; a party without contact data gets no mail", async () => {
  const denied = await acceptDelegation(db, ivan, { delegationId: "00000000-0000-0000-0000-000000000000" });
  assert.equal(denied.ok, false);
  await db.delete(s.contacts).where(eq(s.contacts.email, IVAN));
  assert.ok((await requestFromEnterprise(db, claire, { accountId, intermediaryNumber: "0456789034" })).ok);
  assert.equal((await db.select().from(s.mailOutbox)).length, 0);
});
