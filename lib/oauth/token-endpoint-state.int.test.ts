import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { deleteRestCertificate, enterpriseParty, uploadCertificate } from "@/lib/channels/certificates";
import { updatePermissions } from "@/lib/channels/account-edits";
import { addDelegatedCertificate } from "@/lib/delegation/certificates";
import { acceptDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { actorFor } from "@/lib/channels/test-support";
import * as s from "@/lib/db/schema";
import { throttlePolicies } from "@/lib/security/throttle-policy";
import { verifyAccessToken } from "./access-token";
import { handleIntrospection } from "./introspection";
import { rotateSigningKey } from "./signing-keys";
import { createRestClient, makeAssertion, restCertificate, tokenForm, type TestClient } from "./test-support";
import { assertion, client, db, FLA_EMPLOYER, reasonOf, token, urls, setUpTokenEndpointTests } from "./token-endpoint-test-support";

// Issue 14: what the token endpoint keeps between requests — spent jtis, throttle attempts, the journal, its
// caches — and the services around it (introspection, key rotation, delegated accounts), on PGlite or PostgreSQL.

setUpTokenEndpointTests();

test("a replayed jti is refused; 50 parallel requests with one assertion give exactly one token", async () => {
  const once = await assertion();
  assert.equal(reasonOf(await token(tokenForm(once))), "ok");
  assert.equal(reasonOf(await token(tokenForm(once))), "assertion.jti-replayed");
  assert.equal(reasonOf(await token(tokenForm(await assertion()))), "ok", "a success forgives the replay");
  const shared = await assertion();
  const outcomes = await Promise.all(Array.from({ length: 50 }, () => token(tokenForm(shared))));
  assert.equal(outcomes.filter((o) => o.ok).length, 1);
  // Pending attempts do not count for the Client ID (a signature cannot be guessed), so they are all verified;
  // the replays, signed with the account's key, count as its failures and may throttle the late ones.
  const reasons = outcomes.filter((o) => !o.ok).map(reasonOf);
  assert.ok(reasons.includes("assertion.jti-replayed"));
  assert.ok(reasons.every((r) => r === "assertion.jti-replayed" || r === "request.throttled-client"), reasons.join());
});

test("the journal records issued and refused tokens with reason, Client ID and address, never the assertion", async () => {
  const jwt = await assertion({ claims: { aud: "https://wrong.test" } });
  await token(tokenForm(jwt), "192.0.2.77");
  const rows = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.ip, "192.0.2.77"), eq(s.auditEvents.action, "oauth.token-refused")));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.summary?.reason, "assertion.aud");
  assert.equal(rows[0]!.summary?.clientId, client.clientId);
  assert.ok(rows[0]!.senderId);
  const issued = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "oauth.token-issued"));
  assert.ok(issued.length > 0);
  const everything = JSON.stringify(await db.select().from(s.auditEvents));
  assert.ok(!everything.includes(jwt.split(".")[2]!));
});

test("throttling (issue 19's primitive, scope oauth-token): after 5 refusals for one Client ID even a correct assertion waits (429)", async () => {
  const limit = throttlePolicies["oauth-token"].perSubject;
  for (let i = 0; i < limit; i++) assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { aud: "https://wrong.test" } })))), "assertion.aud");
  const locked = await token(tokenForm(await assertion()));
  assert.equal(reasonOf(locked), "request.throttled-client");
  assert.ok(!locked.ok && locked.error.status === 429 && (locked.retryAfter ?? 0) > 800);
  // Journaled under the account's sender, once per window for one Client ID and address.
  for (let i = 0; i < 3; i++) assert.equal(reasonOf(await token(tokenForm(await assertion()), "10.7.7.7")), "request.throttled-client");
  const journaled = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "oauth.token-refused"), eq(s.auditEvents.ip, "10.7.7.7")));
  assert.equal(journaled.length, 1);
  assert.ok(journaled[0]!.senderId);
});

test("throttling never blocks parallel valid requests: 10 in flight for one Client ID from one address all get a token", async () => {
  const forms = await Promise.all(Array.from({ length: 10 }, () => assertion()));
  const outcomes = await Promise.all(forms.map((jwt) => token(tokenForm(jwt), "10.9.9.9")));
  assert.deepEqual(outcomes.map(reasonOf), Array(10).fill("ok"));
});

test("forged assertions for a victim's Client ID (signature not verified) cannot lock it out; they count per address", async () => {
  const forger = await restCertificate();
  const forged = () => makeAssertion(urls, client.clientId, forger.privateKeyPem);
  const refusals = await Promise.all(Array.from({ length: 10 }, async (_, i) => token(tokenForm(await forged()), `10.66.0.${i % 3}`)));
  assert.deepEqual(refusals.map(reasonOf), Array(10).fill("assertion.signature"));
  assert.equal(reasonOf(await token(tokenForm(await assertion()))), "ok");
  // One address sending junk is throttled once it used its own budget.
  const limit = throttlePolicies["oauth-token"].perAddress;
  for (let i = 0; i < limit; i++) await token(tokenForm(await forged()), "10.66.1.1");
  const locked = await token(tokenForm(await assertion()), "10.66.1.1");
  assert.equal(reasonOf(locked), "request.throttled-address");
  assert.ok(!locked.ok && locked.error.status === 429 && (locked.retryAfter ?? 0) > 800);
});

test("introspection: the client sees its own token active, another's inactive; key rotation keeps old tokens valid", async () => {
  const issued = await token(tokenForm(await assertion()));
  assert.ok(issued.ok);
  const introspect = async (c: TestClient, t: string) => handleIntrospection(db, urls, { params: tokenForm(await assertion({}, c), { token: t }), authorization: null, ip: "10.9.9.9" });
  const own = await introspect(client, issued.body.access_token);
  assert.ok(own.ok && own.body.active === true && own.body.client_id === client.clientId);
  const other = await createRestClient(db, "claire");
  const foreign = await introspect(other, issued.body.access_token);
  assert.ok(foreign.ok && foreign.body.active === false);
  await rotateSigningKey(db);
  assert.equal((await verifyAccessToken(db, urls, issued.body.access_token)).ok, true);
  const fresh = await token(tokenForm(await assertion()));
  assert.ok(fresh.ok && decodeProtectedHeader(fresh.body.access_token).kid !== decodeProtectedHeader(issued.body.access_token).kid);
});

test("a delegated account's assertions are signed with the certificate the intermediary added (SPEC §5)", async () => {
  const dupont = await createRestClient(db, "claire");
  const [claire, ivan] = await Promise.all([actorFor(db, "claire"), actorFor(db, "ivan")]);
  const requested = await requestFromEnterprise(db, claire, { accountId: dupont.accountId, intermediaryNumber: "0456789034" });
  assert.ok(requested.ok, JSON.stringify(requested));
  assert.ok((await acceptDelegation(db, ivan, { delegationId: requested.delegationId })).ok);
  const intermediaryCert = await restCertificate({ subject: { cn: "digital-services-client", o: "Digital Services" } });
  const added = await addDelegatedCertificate(db, ivan, { accountId: dupont.accountId, name: "ivan", fileName: "ivan.cer", bytes: intermediaryCert.der });
  assert.ok(added.ok, JSON.stringify(added));
  const outcome = await token(tokenForm(await makeAssertion(urls, dupont.clientId, intermediaryCert.privateKeyPem)));
  assert.ok(outcome.ok, reasonOf(outcome));
  // The token speaks for the enterprise (the mandant), not for the intermediary.
  assert.equal(decodeJwt(outcome.body.access_token).enterprise, "0876543270");
});

test("caches never outlive a change: a deleted certificate stops authenticating, a withdrawn permission its scope", async () => {
  const danny = await actorFor(db, "danny");
  const party = enterpriseParty(danny);
  assert.ok(party.ok);
  const second = await restCertificate({ subject: { cn: "second-key", o: "APK Recycling" } });
  const added = await uploadCertificate(db, party.party, { accountId: client.accountId, mode: "add", certificate: { fileName: "second.cer", bytes: second.der }, certificateName: "second" }, null);
  assert.ok(added.ok, JSON.stringify(added));
  const bySecond = () => makeAssertion(urls, client.clientId, second.privateKeyPem);
  // Both keys work, so both certificates are now parsed and cached.
  assert.equal(reasonOf(await token(tokenForm(await bySecond(), { scope: FLA_EMPLOYER }))), "ok");
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { scope: FLA_EMPLOYER }))), "ok");
  assert.ok((await deleteRestCertificate(db, party.party, { accountId: client.accountId, certificateId: added.certificateId })).ok);
  assert.equal(reasonOf(await token(tokenForm(await bySecond()))), "assertion.signature");

  const [dimona] = await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, "ws.dimona-declare"));
  assert.ok((await updatePermissions(db, danny, { accountId: client.accountId, permissionIds: [dimona!.id] })).ok);
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { scope: FLA_EMPLOYER }))), "scope.not-granted");
});
