import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { and, desc, eq, gte } from "drizzle-orm";
import { actorFor, assertRefused, messageOf } from "@/lib/access/test-support";
import type { ServiceActor } from "@/lib/access/service";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { acceptDelegation, endDelegation, refuseDelegation, resendDelegation, withdrawDelegation } from "./decisions";
import { listDelegations, restAccountsOf } from "./queries";
import { requestFromEnterprise, requestFromIntermediary } from "./requests";

// SPEC §5 — requests, decisions, re-sends and their limits, visibility, concurrency, audit.

let db: Db;
let claire: ServiceActor;
let ivan: ServiceActor;
let restAccountId: string;
let firstEventId = 0;

const DIGITAL = "0456.789.034";
const DUPONT = "0876543270";

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  await resetDemo(db);
  claire = await actorFor(db, "claire");
  ivan = await actorFor(db, "ivan");
  restAccountId = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST")))[0]!.id;
  const [last] = await db.select({ id: s.auditEvents.id }).from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1);
  firstEventId = (last?.id ?? 0) + 1;
});

const events = async (action: string) =>
  db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, action), gte(s.auditEvents.id, firstEventId)));
const management = async () => (await db.select({ m: s.accounts.certificateManagement }).from(s.accounts).where(eq(s.accounts.id, restAccountId)))[0]!.m;
const employeurOnss = async () => (await db.select({ id: s.qualities.id }).from(s.qualities).where(eq(s.qualities.code, "employeur-onss")))[0]!.id;

async function delegateDupontRest(): Promise<string> {
  const result = await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: DIGITAL });
  assert.ok(result.ok, JSON.stringify(result));
  return result.delegationId;
}

test("SPEC §5: the enterprise delegates a REST account; refused, re-sent without limit, accepted, then ended", async () => {
  const id = await delegateDupontRest();
  const seenByIvan = await listDelegations(db, ivan);
  assert.equal(seenByIvan.asIntermediary?.length, 1);
  assert.deepEqual(seenByIvan.asIntermediary?.[0]?.can, { accept: true, refuse: true, resend: false, withdraw: false, end: false });
  assert.equal(seenByIvan.asIntermediary?.[0]?.counterpartName, "Boulangerie Dupont");
  assert.equal(seenByIvan.asEnterprise?.length, 0, "Digital Services has no delegations of its own");

  // The enterprise may re-send as often as it needs (FAQ): 22 refusals, 22 re-sends.
  for (let i = 1; i <= 22; i++) {
    assert.ok((await refuseDelegation(db, ivan, { delegationId: id })).ok);
    const resent = await resendDelegation(db, claire, { delegationId: id });
    assert.ok(resent.ok, JSON.stringify(resent));
    assert.equal(resent.resendCount, i);
  }
  const seenByClaire = (await listDelegations(db, claire)).asEnterprise!;
  assert.equal(seenByClaire[0]?.resendCount, 22);
  assert.equal(seenByClaire[0]?.resendsLeft, null);
  assert.equal(seenByClaire[0]?.status, "pending");

  assert.ok((await acceptDelegation(db, ivan, { delegationId: id })).ok);
  assert.equal(await management(), "intermediary", "issue #4's screens show « Géré par l’intermédiaire technique »");
  assert.deepEqual((await listDelegations(db, claire)).asEnterprise![0]!.can, { accept: false, refuse: false, resend: false, withdraw: false, end: true });

  // Only the enterprise ends it; the intermediary does not even see it on its enterprise side.
  assertRefused(await endDelegation(db, ivan, { delegationId: id }), "not-found");
  assert.ok((await endDelegation(db, claire, { delegationId: id })).ok);
  assert.equal(await management(), "internal");
  assert.equal((await db.select().from(s.certificates).where(eq(s.certificates.accountId, restAccountId))).length, 1, "certificates stay");
  assert.equal((await events("delegation.resend")).length, 22);
  for (const action of ["delegation.request", "delegation.accept", "delegation.end"]) {
    const [event] = await events(action);
    assert.equal(event?.enterpriseId, claire.ctx.enterpriseId, action);
    assert.equal(event?.targetId, id, action);
  }
});

test("SPEC §5: the enterprise's request is checked: BCE number, intermediary, own account, one live delegation", async () => {
  assertRefused(await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: "0456789035" }), "bce.checksum", "intermediaryNumber");
  const apk = await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: "0123.456.749" });
  assertRefused(apk, "delegation.not-an-intermediary", "intermediaryNumber");
  assert.match(messageOf(apk, "fr"), /^APK Recycling \(0123\.456\.749\) n’est pas un intermédiaire technique/);
  assert.match(messageOf(apk, "nl"), /^APK Recycling \(0123\.456\.749\) is geen technische tussenpersoon/);
  const unknown = await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: "0200.000.043" });
  assertRefused(unknown, "delegation.enterprise-unknown", "intermediaryNumber");
  assert.equal(messageOf(unknown, "fr"), "Aucune entreprise n’est enregistrée sous le numéro 0200.000.043.");
  assertRefused(await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: DUPONT }), "delegation.self");
  const ftp = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.type, "FTP")))[0]!.id;
  assertRefused(await requestFromEnterprise(db, claire, { accountId: ftp, intermediaryNumber: DIGITAL }), "not-found", "accountId");
  // Another enterprise's REST account id, forged by danny (APK): not found, nothing written.
  const danny = await actorFor(db, "danny");
  assertRefused(await requestFromEnterprise(db, danny, { accountId: restAccountId, intermediaryNumber: DIGITAL }), "not-found", "accountId");
  const bob = await actorFor(db, "bob");
  assertRefused(await requestFromEnterprise(db, bob, { accountId: restAccountId, intermediaryNumber: DIGITAL }), "access.denied");
  assert.equal((await db.select().from(s.delegations)).length, 0);

  await delegateDupontRest();
  const twice = await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: DIGITAL });
  assertRefused(twice, "delegation.account-already-delegated", "accountId");
  assert.match(messageOf(twice, "nl"), /al een openstaande of aanvaarde delegatie/);
  assert.deepEqual(await restAccountsOf(db, claire), [{ id: restAccountId, name: "Dupont Dimona REST", delegated: true }]);
});

test("SPEC §5: the intermediary re-sends at most 20 times, then is blocked for that enterprise + role", async () => {
  const quality = await employeurOnss();
  const first = await requestFromIntermediary(db, ivan, { enterpriseNumber: "0876.543.270", qualityId: quality });
  assert.ok(first.ok);
  const id = first.delegationId;
  assertRefused(await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality }), "delegation.already-pending");
  for (let i = 1; i <= 20; i++) {
    assert.ok((await refuseDelegation(db, claire, { delegationId: id })).ok);
    // Re-sending from the list, or by starting a new request: both count.
    const resent = i % 2 ? await resendDelegation(db, ivan, { delegationId: id }) : await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality });
    assert.ok(resent.ok, `re-send ${i}: ${JSON.stringify(resent)}`);
    assert.equal(resent.resendCount, i);
  }
  assert.ok((await refuseDelegation(db, claire, { delegationId: id })).ok);
  const blocked = await resendDelegation(db, ivan, { delegationId: id });
  assertRefused(blocked, "delegation.resend-blocked");
  assert.match(messageOf(blocked, "fr"), /relancé cette demande 20 fois.*contactez directement l’entreprise pour qu’elle initie elle-même la délégation/);
  assert.match(messageOf(blocked, "nl"), /20 keer opnieuw verstuurd.*zodat zij zelf de delegatie start/);
  assertRefused(await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality }), "delegation.resend-blocked");
  assert.equal((await db.select().from(s.delegations)).length, 1);

  const forIvan = (await listDelegations(db, ivan)).asIntermediary![0]!;
  const forClaire = (await listDelegations(db, claire)).asEnterprise![0]!;
  for (const row of [forIvan, forClaire]) {
    assert.equal(row.resendCount, 20);
    assert.equal(row.resendsLeft, 0);
    assert.equal(row.blocked, true);
    assert.equal(row.status, "refused");
  }
  // The enterprise can still start the delegation itself.
  assert.ok((await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: DIGITAL })).ok);
});

test("SPEC §5: the enterprise accepts an intermediary's request by choosing one of its own REST accounts", async () => {
  const quality = await employeurOnss();
  assertRefused(await requestFromIntermediary(db, ivan, { enterpriseNumber: "0123456749", qualityId: quality + 100 }), "not-found", "qualityId");
  const wrongQuality = await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality + 1 });
  assertRefused(wrongQuality, "delegation.enterprise-unknown", "enterpriseNumber");
  assert.equal(messageOf(wrongQuality, "fr"), "Aucune entreprise enregistrée sous le numéro 0876.543.270 n’a activé cette qualité.");
  assertRefused(await requestFromIntermediary(db, claire, { enterpriseNumber: DUPONT, qualityId: quality }), "access.denied");
  const request = await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality });
  assert.ok(request.ok);
  const id = request.delegationId;
  // APK's danny sees nothing of it and cannot decide on it.
  const danny = await actorFor(db, "danny");
  assert.equal((await listDelegations(db, danny)).asEnterprise?.length, 0);
  assertRefused(await acceptDelegation(db, danny, { delegationId: id, accountId: restAccountId }), "not-found");
  assertRefused(await refuseDelegation(db, danny, { delegationId: id }), "not-found");
  assertRefused(await acceptDelegation(db, ivan, { delegationId: id }), "not-found", undefined);
  assertRefused(await acceptDelegation(db, claire, { delegationId: id }), "input.required", "accountId");
  const ftp = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.type, "FTP")))[0]!.id;
  assertRefused(await acceptDelegation(db, claire, { delegationId: id, accountId: ftp }), "not-found", "accountId");
  assert.ok((await acceptDelegation(db, claire, { delegationId: id, accountId: restAccountId })).ok);
  assert.equal(await management(), "intermediary");
  const row = (await db.select().from(s.delegations).where(eq(s.delegations.id, id)))[0]!;
  assert.equal(row.accountId, restAccountId);
  assert.equal(row.status, "accepted");
  assert.equal(row.decidedBy, claire.userId);
});

test("concurrent accept / refuse / re-send of one request resolve to one consistent state", async () => {
  const id = await delegateDupontRest();
  const decisions = await Promise.all([
    acceptDelegation(db, ivan, { delegationId: id }),
    refuseDelegation(db, ivan, { delegationId: id }),
    acceptDelegation(db, ivan, { delegationId: id }),
    refuseDelegation(db, ivan, { delegationId: id }),
  ]);
  assert.equal(decisions.filter((d) => d.ok).length, 1);
  for (const d of decisions.filter((d) => !d.ok)) assertRefused(d, "delegation.state-changed");
  const [row] = await db.select().from(s.delegations).where(eq(s.delegations.id, id));
  const winner = decisions.findIndex((d) => d.ok);
  assert.equal(row?.status, winner % 2 === 0 ? "accepted" : "refused");
  assert.equal(await management(), row?.status === "accepted" ? "intermediary" : "internal");
  assert.equal((await events("delegation.accept")).length + (await events("delegation.refuse")).length, 1);

  if (row?.status === "accepted") assert.ok((await endDelegation(db, claire, { delegationId: id })).ok);
  const again = row?.status === "accepted" ? await delegateDupontRest() : id;
  if (row?.status === "accepted") assert.ok((await refuseDelegation(db, ivan, { delegationId: again })).ok);
  const resends = await Promise.all([1, 2, 3, 4].map(() => resendDelegation(db, claire, { delegationId: again })));
  assert.equal(resends.filter((r) => r.ok).length, 1);
  const [after] = await db.select().from(s.delegations).where(eq(s.delegations.id, again));
  assert.equal(after?.status, "pending");
  assert.equal(after?.resendCount, 1);
});

test("concurrent requests by the intermediary create one pending request only", async () => {
  const quality = await employeurOnss();
  const results = await Promise.all([1, 2, 3].map(() => requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId: quality })));
  assert.equal(results.filter((r) => r.ok).length, 1);
  for (const r of results.filter((r) => !r.ok)) assertRefused(r, "delegation.already-pending");
  assert.equal((await db.select().from(s.delegations)).length, 1);
});

test("the initiator withdraws its request (pending or refused); the other side can no longer accept it", async () => {
  const id = await delegateDupontRest();
  assert.deepEqual((await listDelegations(db, claire)).asEnterprise?.[0]?.can, { accept: false, refuse: false, resend: false, withdraw: true, end: false });
  assertRefused(await withdrawDelegation(db, ivan, { delegationId: id }), "not-found");
  assert.ok((await withdrawDelegation(db, claire, { delegationId: id })).ok);
  assertRefused(await acceptDelegation(db, ivan, { delegationId: id }), "delegation.state-changed");
  assertRefused(await withdrawDelegation(db, claire, { delegationId: id }), "delegation.state-changed");
  const [row] = await db.select().from(s.delegations).where(eq(s.delegations.id, id));
  assert.equal(row?.status, "cancelled");
  assert.equal(await management(), "internal");
  const [event] = await events("delegation.withdraw");
  assert.equal(event?.targetId, id);
  assert.equal(event?.enterpriseId, claire.ctx.enterpriseId);
  // The account is free again for a new request.
  assert.ok((await requestFromEnterprise(db, claire, { accountId: restAccountId, intermediaryNumber: DIGITAL })).ok);
});

test("an intermediary cannot reset its 20 re-sends by withdrawing: a new request re-opens the withdrawn one", async () => {
  const qualityId = await employeurOnss();
  const first = await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId });
  assert.ok(first.ok, JSON.stringify(first));
  for (let i = 1; i <= 20; i++) {
    assert.ok((await refuseDelegation(db, claire, { delegationId: first.delegationId })).ok);
    if (i % 2 === 0) assert.ok((await withdrawDelegation(db, ivan, { delegationId: first.delegationId })).ok);
    const again = await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId });
    assert.ok(again.ok, `${i}: ${JSON.stringify(again)}`);
    assert.equal(again.delegationId, first.delegationId);
  }
  assert.ok((await refuseDelegation(db, claire, { delegationId: first.delegationId })).ok);
  assert.ok((await withdrawDelegation(db, ivan, { delegationId: first.delegationId })).ok);
  assertRefused(await requestFromIntermediary(db, ivan, { enterpriseNumber: DUPONT, qualityId }), "delegation.resend-blocked");
});
