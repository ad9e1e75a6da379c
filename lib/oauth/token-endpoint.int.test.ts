import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, beforeEach, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { deleteAccount } from "@/lib/channels/account-edits";
import { addDelegatedCertificate } from "@/lib/delegation/certificates";
import { acceptDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { actorFor } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed/demo";
import { useFreshDatabase } from "@/lib/db/test-db";
import { throttlePolicies } from "@/lib/security/throttle-policy";
import { verifyAccessToken } from "./access-token";
import { requireBearer } from "./bearer";
import { checkAssertionReadOnly } from "./checker";
import { oauthUrls } from "./config";
import { handleIntrospection } from "./introspection";
import { rotateSigningKey } from "./signing-keys";
import { createRestClient, makeAssertion, restCertificate, tokenForm, type TestClient } from "./test-support";
import { handleTokenRequest, type TokenOutcome } from "./token-endpoint";

// Issue 14: the token endpoint's rules, one refusal reason per test, against PGlite or PostgreSQL.

const urls = oauthUrls("https://chaman.example.test");
const FLA_EMPLOYER = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
let db: Db;
let client: TestClient;
let addressCounter = 0;

let dispose: (() => Promise<void>) | undefined;
before(async () => {
  const handle = await useFreshDatabase();
  dispose = handle.dispose;
  db = handle.db;
  await seedDemo(db);
});
// A new account per test: the refusals of one test must not throttle the next one's Client ID.
beforeEach(async () => {
  client = await createRestClient(db);
});
after(async () => dispose?.());

/** A new client address per request, so the per-address throttle never interferes with the rule being tested. */
const token = (params: Map<string, string>, ip = `10.0.0.${++addressCounter}`) => handleTokenRequest(db, urls, { params, authorization: null, ip });
const reasonOf = (outcome: TokenOutcome) => (outcome.ok ? "ok" : outcome.error.reason);
const assertion = (options: Parameters<typeof makeAssertion>[3] = {}, c: TestClient = client) => makeAssertion(urls, c.clientId, c.cert.privateKeyPem, options);

test("a correct assertion gets a 10-minute ES256 access token with client_id, scope, enterprise and quality", async () => {
  const outcome = await token(tokenForm(await assertion(), { scope: FLA_EMPLOYER }));
  assert.ok(outcome.ok, reasonOf(outcome));
  assert.equal(outcome.body.token_type, "Bearer");
  assert.equal(outcome.body.expires_in, 600);
  assert.equal(outcome.body.scope, FLA_EMPLOYER);
  const claims = decodeJwt(outcome.body.access_token);
  assert.deepEqual([claims.client_id, claims.scope, claims.enterprise, claims.quality, claims.iss, claims.aud], [client.clientId, FLA_EMPLOYER, "0123456749", "employeur-onss", urls.issuer, urls.flaApi]);
  assert.equal(decodeProtectedHeader(outcome.body.access_token).typ, "at+jwt");
  assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 600);
  assert.equal((await verifyAccessToken(db, urls, outcome.body.access_token)).ok, true);
});

test("aud may be the issuer identifier (RFC 7523, openid-client) but nothing else", async () => {
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { aud: urls.issuer } })))), "ok");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { aud: "https://services.socialsecurity.be/REST/oauth/v5/token" } })))), "assertion.aud");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { aud: [urls.tokenEndpoint, "https://elsewhere.test"] } })))), "assertion.aud");
});

test("exp: missing, expired, 11 minutes ahead are three different refusals; 10 minutes is accepted", async () => {
  const now = Math.floor(Date.now() / 1000);
  assert.equal(reasonOf(await token(tokenForm(await assertion({ omit: ["exp"] })))), "assertion.exp-missing");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { exp: now - 120 } })))), "assertion.expired");
  const tooFar = await token(tokenForm(await assertion({ claims: { exp: now + 660 } })));
  assert.equal(reasonOf(tooFar), "assertion.exp-too-far");
  assert.ok(!tooFar.ok && tooFar.error.status === 401 && tooFar.error.error === "invalid_client" && /at most 600 seconds/.test(tooFar.error.description));
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { exp: now + 600 } })))), "ok");
});

test("nbf and iat in the future beyond the 30 s skew are refused", async () => {
  const now = Math.floor(Date.now() / 1000);
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { nbf: now + 120 } })))), "assertion.nbf-future");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { iat: now + 120 } })))), "assertion.iat-future");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { iat: now + 10, nbf: now + 10 } })))), "ok");
});

test("iss, sub, jti, client_id: each mistake has its reason", async () => {
  assert.equal(reasonOf(await token(tokenForm(await assertion({ omit: ["iss"] })))), "assertion.iss-missing");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { sub: "someone" } })))), "assertion.sub-mismatch");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ omit: ["jti"] })))), "assertion.jti-missing");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { iss: "self_service_chaman_300001_nobody0000", sub: "self_service_chaman_300001_nobody0000" } })))), "assertion.client-unknown");
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { client_id: "self_service_chaman_300001_other00000" }))), "request.client-id-mismatch");
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { client_id: client.clientId }))), "ok");
});

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

test("a certificate of another account, or an expired certificate of this one, does not authenticate", async () => {
  const other = await createRestClient(db, "claire");
  const signedByOther = await makeAssertion(urls, client.clientId, other.cert.privateKeyPem);
  assert.equal(reasonOf(await token(tokenForm(signedByOther))), "assertion.signature");

  // An expired certificate cannot be uploaded (SPEC §4.4); it is one that expired while stored.
  const expired = await restCertificate({ notBefore: new Date(Date.now() - 400 * 86400_000), notAfter: new Date(Date.now() - 86400_000) });
  const lonely = await createRestClient(db);
  await db.update(s.certificates).set({ content: expired.der, notBefore: new Date(Date.now() - 400 * 86400_000), notAfter: new Date(Date.now() - 86400_000) }).where(eq(s.certificates.accountId, lonely.accountId));
  const outcome = await token(tokenForm(await makeAssertion(urls, lonely.clientId, expired.privateKeyPem)));
  assert.equal(reasonOf(outcome), "assertion.certificate-expired");
});

test("alg none and HS256 keyed with the certificate are refused before any key is used", async () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: client.clientId, sub: client.clientId, aud: urls.tokenEndpoint, exp: now + 300, jti: randomUUID() };
  assert.equal(reasonOf(await token(tokenForm(`${b64({ alg: "none" })}.${b64(claims)}.`))), "assertion.alg-none");
  for (const secret of [Buffer.from(client.cert.pem), Buffer.from(client.cert.der)]) {
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(secret);
    assert.equal(reasonOf(await token(tokenForm(hs))), "assertion.alg-hmac");
  }
  // jose will not sign ES384 with an RSA key: the header is forged, the check happens before verification.
  const forged = `${b64({ alg: "ES384" })}.${b64({ ...claims, jti: randomUUID() })}.${Buffer.alloc(96).toString("base64url")}`;
  assert.equal(reasonOf(await token(tokenForm(forged))), "assertion.alg-key-mismatch");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ alg: "PS384" })))), "ok");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ alg: "RS512" })))), "ok");
});

test("x5t / x5t#S256 / kid: right values accepted, hex thumbprint and SHA-256 under x5t named", async () => {
  const sha1 = createHash("sha1").update(client.cert.der).digest();
  const sha256 = createHash("sha256").update(client.cert.der).digest();
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { x5t: sha1.toString("base64url") } })))), "ok");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { "x5t#S256": sha256.toString("base64url") } })))), "ok");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { kid: sha256.toString("base64url") } })))), "ok");
  const hex = await token(tokenForm(await assertion({ header: { x5t: Buffer.from(sha1.toString("hex")).toString("base64url") } })));
  assert.equal(reasonOf(hex), "assertion.x5t-hex");
  assert.ok(!hex.ok && hex.error.description.includes(sha1.toString("base64url")));
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { x5t: sha256.toString("base64url") } })))), "assertion.x5t-sha256");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { "x5t#S256": Buffer.from(sha256.toString("hex")).toString("base64url") } })))), "assertion.x5t-hex");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { x5t: "AAAAAAAAAAAAAAAAAAAAAAAAAAA" } })))), "assertion.x5t-unknown");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { kid: "my-key" } })))), "assertion.kid-unknown");
});

test("JWS profile: crit and b64 refused, missing alg is not « alg none », bad jti, x5t object or standard base64 each named", async () => {
  const sha1 = createHash("sha1").update(client.cert.der).digest();
  const sha256 = createHash("sha256").update(client.cert.der).digest();
  // jose will not sign with an unknown crit: the header is replaced (the rule fails before the signature is checked).
  const [, body, signature] = (await assertion()).split(".");
  const withHeader = (header: object) => `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${body}.${signature}`;
  assert.equal(reasonOf(await token(tokenForm(withHeader({ alg: "RS256", crit: ["x-custom"], "x-custom": 1 })))), "assertion.crit-unsupported");
  assert.equal(reasonOf(await token(tokenForm(withHeader({ alg: "RS256", b64: false, crit: ["b64"] })))), "assertion.crit-unsupported");
  assert.equal(reasonOf(await token(tokenForm(withHeader({ typ: "JWT" })))), "assertion.alg-missing");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { jti: 12345 } })))), "assertion.jti-invalid");
  assert.equal(reasonOf(await token(tokenForm(await assertion({ claims: { jti: "x".repeat(256) } })))), "assertion.jti-invalid");
  const object = await token(tokenForm(await assertion({ header: { x5t: { a: 1 } } as never })));
  assert.ok(!object.ok && !object.error.description.includes("[object Object]"), reasonOf(object));
  assert.equal(reasonOf(await token(tokenForm(await assertion({ header: { x5t: sha1.toString("base64") } })))), "assertion.x5t-base64");
  const s256 = await token(tokenForm(await assertion({ header: { "x5t#S256": sha256.toString("base64") } })));
  assert.equal(reasonOf(s256), "assertion.x5t-base64");
  assert.ok(!s256.ok && s256.error.description.includes(sha256.toString("base64url")));
});

test("EC P-384 and P-521 certificates sign with ES384 and ES512", async () => {
  for (const curve of ["P-384", "P-521"] as const) {
    const ec = await createRestClient(db, "danny", ["ws.careerpro-fla"], await restCertificate({ key: { kind: "EC", curve } }));
    assert.equal(reasonOf(await token(tokenForm(await assertion({}, ec)))), "ok", curve);
  }
});

test("scopes: unknown, another quality's, and ungranted are refused with invalid_scope; none requested → all grantable", async () => {
  const unknown = await token(tokenForm(await assertion(), { scope: "scope:unknown" }));
  assert.equal(reasonOf(unknown), "scope.unknown");
  assert.ok(!unknown.ok && unknown.error.error === "invalid_scope" && unknown.error.status === 400 && unknown.error.description.includes(FLA_EMPLOYER));
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:provider" }))), "scope.other-quality");
  const dimonaOnly = await createRestClient(db, "danny", ["ws.dimona-declare"]);
  assert.equal(reasonOf(await token(tokenForm(await assertion({}, dimonaOnly), { scope: FLA_EMPLOYER }))), "scope.not-granted");
  assert.equal(reasonOf(await token(tokenForm(await assertion({}, dimonaOnly)))), "scope.none-grantable");
  const all = await token(tokenForm(await assertion()));
  assert.ok(all.ok && all.body.scope === FLA_EMPLOYER);
});

test("a deleted account's Client ID is unknown", async () => {
  const doomed = await createRestClient(db);
  const danny = await actorFor(db, "danny");
  assert.equal((await deleteAccount(db, danny, { accountId: doomed.accountId })).ok, true);
  assert.equal(reasonOf(await token(tokenForm(await assertion({}, doomed)))), "assertion.client-unknown");
});

test("request errors: grant type, assertion type, missing assertion, client secret", async () => {
  assert.equal(reasonOf(await token(new Map([["client_assertion", "x"]]))), "request.grant-type-missing");
  const wrongGrant = await token(tokenForm(await assertion(), { grant_type: "password" }));
  assert.ok(!wrongGrant.ok && wrongGrant.error.error === "unsupported_grant_type");
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { client_assertion_type: "jwt" }))), "request.assertion-type");
  assert.equal(reasonOf(await token(new Map([["grant_type", "client_credentials"]]))), "request.assertion-missing");
  assert.equal(reasonOf(await token(tokenForm(await assertion(), { client_secret: "x" }))), "request.client-secret");
  assert.equal(reasonOf(await token(tokenForm("not-a-jwt"))), "assertion.malformed");
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

test("NUL and lone surrogates in iss, jti, scope, client_id, grant_type are a 400 invalid_request, never a failed query", async () => {
  for (const bad of ["a\u0000b", "a\ud800b"]) {
    const cases: [string, Promise<TokenOutcome>][] = [
      ["assertion.invalid-characters", token(tokenForm(await assertion({ claims: { iss: bad, sub: bad } })))],
      ["assertion.invalid-characters", token(tokenForm(await assertion({ claims: { jti: bad } })))],
      ["request.invalid-characters", token(tokenForm(await assertion(), { scope: bad }))],
      ["request.invalid-characters", token(tokenForm(await assertion(), { client_id: bad }))],
      ["request.invalid-characters", token(tokenForm(await assertion(), { grant_type: bad }))],
    ];
    for (const [expected, pending] of cases) {
      const outcome = await pending;
      assert.equal(reasonOf(outcome), expected);
      assert.ok(!outcome.ok && outcome.error.status === 400 && outcome.error.error === "invalid_request");
    }
  }
  const pending = await db.select().from(s.throttleAttempts).where(eq(s.throttleAttempts.outcome, "pending"));
  assert.deepEqual(pending, [], "every throttle attempt is settled");
});

test("the Authorization scheme is case-insensitive (RFC 7235 §2.1): « bearer » is accepted", async () => {
  const issued = await token(tokenForm(await assertion()));
  assert.ok(issued.ok);
  for (const scheme of ["Bearer", "bearer", "BEARER"]) {
    const request = new Request("https://chaman.example.test/api/fla", { headers: { authorization: `${scheme} ${issued.body.access_token}` } });
    const claims = await requireBearer(db, urls, request, "ws.careerpro-fla");
    assert.equal(claims.client_id, client.clientId);
  }
});

test("whitespace around the assertion: the endpoint and the checker give the same reason", async () => {
  const jwt = (await assertion()) + "\n";
  const outcome = await token(tokenForm(jwt));
  assert.equal(reasonOf(outcome), "assertion.whitespace");
  assert.ok(!outcome.ok && /remove the trailing newline/.test(outcome.error.description));
  const report = await checkAssertionReadOnly(db, urls, jwt, client.clientId);
  assert.equal(report.lines.find((l) => l.status === "failed")?.reason, "assertion.whitespace");
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
