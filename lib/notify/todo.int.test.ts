import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { eq } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import type { ServiceActor } from "@/lib/access/service";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { acceptDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise, requestFromIntermediary } from "@/lib/delegation/requests";
import type { AdminActor } from "@/lib/admin/admins";
import { listTrustedCas, retireTrustedCa } from "@/lib/admin/trust-store";
import { certificatesNoLongerTrusted } from "@/lib/channels/trust-store";
import { countDecisionsWaiting, todoFor } from "./todo";

// Issue 16: the menu's counter and the « À faire » panel — requests to decide (only those started by the
// other side), certificates expiring within 60 days, accounts without a valid certificate — each scoped
// to the acting user (a delegated account's certificates are the intermediary's business, SPEC §5).

let db: Db;
let claire: ServiceActor;
let ivan: ServiceActor;
let danny: ServiceActor;
let restId: string;
let ftpId: string;
const DAY = 86_400_000;
const now = new Date("2027-01-10T10:00:00Z");

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  await resetDemo(db);
  claire = await actorFor(db, "claire");
  ivan = await actorFor(db, "ivan");
  danny = await actorFor(db, "danny");
  restId = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST")))[0]!.id;
  ftpId = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont FTP")))[0]!.id;
});

const setExpiry = (accountId: string, notAfter: Date) => db.update(s.certificates).set({ notAfter }).where(eq(s.certificates.accountId, accountId));

test("the counter counts only the requests waiting for this user's decision", async () => {
  assert.equal(await countDecisionsWaiting(db, claire), 0);
  assert.ok((await requestFromEnterprise(db, claire, { accountId: restId, intermediaryNumber: "0456789034" })).ok);
  assert.equal(await countDecisionsWaiting(db, claire), 0, "her own request waits for the other side");
  assert.equal(await countDecisionsWaiting(db, ivan), 1);
  assert.equal(await countDecisionsWaiting(db, danny), 0, "another enterprise sees nothing");
  const quality = (await db.select({ id: s.qualities.id }).from(s.qualities).where(eq(s.qualities.code, "employeur-onss")))[0]!.id;
  assert.ok((await requestFromIntermediary(db, ivan, { enterpriseNumber: "0876543270", qualityId: quality })).ok);
  assert.equal(await countDecisionsWaiting(db, claire), 1);
  const todo = await todoFor(db, claire, now);
  assert.deepEqual(todo.decisions.map((d) => [d.counterpartName, d.counterpartNumber]), [["Digital Services SRL", "0456.789.034"]]);
});

test("expiring within 60 days and accounts whose only certificate has expired", async () => {
  await setExpiry(ftpId, new Date(now.getTime() + 20 * DAY));
  await setExpiry(restId, new Date(now.getTime() + 61 * DAY));
  let todo = await todoFor(db, claire, now);
  assert.deepEqual(todo.expiring.map((c) => [c.accountName, c.certificateName, c.daysLeft, c.href]), [["Dupont FTP", "certificat-ftp", 20, `/accounts/${ftpId}`]]);
  assert.deepEqual(todo.expired, []);

  await setExpiry(ftpId, new Date(now.getTime() - DAY));
  todo = await todoFor(db, claire, now);
  assert.deepEqual(todo.expiring, []);
  assert.deepEqual(todo.expired.map((a) => [a.accountName, a.accountType, a.href]), [["Dupont FTP", "FTP", `/accounts/${ftpId}`]]);
  assert.deepEqual(await todoFor(db, danny, now), { decisions: [], expiring: [], expired: [], untrusted: [] }, "never another sender's accounts");
});

test("a delegated account's certificates appear for the intermediary, not for the enterprise", async () => {
  const request = await requestFromEnterprise(db, claire, { accountId: restId, intermediaryNumber: "0456789034" });
  assert.ok(request.ok);
  assert.ok((await acceptDelegation(db, ivan, { delegationId: request.delegationId })).ok);
  await setExpiry(restId, new Date(now.getTime() + 7 * DAY));
  assert.deepEqual((await todoFor(db, claire, now)).expiring, []);
  assert.deepEqual((await todoFor(db, ivan, now)).expiring.map((c) => [c.accountName, c.daysLeft, c.href]), [["Dupont Dimona REST", 7, `/delegations/accounts/${restId}`]]);
});

test("an account whose only unexpired certificate's CA was retired is listed apart, like its page flags it", async () => {
  await setExpiry(ftpId, new Date(now.getTime() + 200 * DAY));
  await setExpiry(restId, new Date(now.getTime() + 200 * DAY));
  assert.deepEqual((await todoFor(db, claire, now)).untrusted, []);

  const admin: AdminActor = { userId: null, label: "Test Admin", ip: "127.0.0.1" };
  for (const ca of await listTrustedCas(db)) assert.ok((await retireTrustedCa(db, admin, ca.id)).ok);
  const todo = await todoFor(db, claire, now);
  // REST accepts any issuer (SPEC §4.4 step 6): the REST account is not listed.
  assert.deepEqual(todo.untrusted.map((a) => [a.accountName, a.accountType, a.href]), [["Dupont FTP", "FTP", `/accounts/${ftpId}`]]);
  assert.deepEqual(todo.expired, [], "not expired: its own wording");
  assert.equal((await certificatesNoLongerTrusted(db, "FTP", ftpId)).size, 1, "the same rule as the account page");
  assert.deepEqual((await todoFor(db, danny, now)).untrusted, [], "never another sender's accounts");

  // Once expired too, it is listed once, as expired.
  await setExpiry(ftpId, new Date(now.getTime() - DAY));
  const later = await todoFor(db, claire, now);
  assert.deepEqual([later.untrusted, later.expired.map((a) => a.accountName)], [[], ["Dupont FTP"]]);
});
