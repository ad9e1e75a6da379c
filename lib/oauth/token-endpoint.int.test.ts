import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { deleteAccount } from "@/lib/channels/account-edits";
import { actorFor } from "@/lib/channels/test-support";
import * as s from "@/lib/db/schema";
import { verifyAccessToken } from "./access-token";
import { requireBearer } from "./bearer";
import { checkAssertionReadOnly } from "./checker";
import { createRestClient, makeAssertion, restCertificate, tokenForm } from "./test-support";
import type { TokenOutcome } from "./token-endpoint";
import { assertion, client, db, FLA_EMPLOYER, reasonOf, token, urls, setUpTokenEndpointTests } from "./token-endpoint-test-support";

// Issue 14: the token endpoint's assertion rules, one refusal reason per test, against PGlite or PostgreSQL
// (replay, throttling, journal and caches: token-endpoint-state.int.test.ts).

setUpTokenEndpointTests();

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

test("exp, nbf or iat sent as text is named as such, not as missing or in the future (RFC 7519 §2 NumericDate)", async () => {
  const now = Math.floor(Date.now() / 1000);
  for (const claim of ["exp", "nbf", "iat"]) {
    const outcome = await token(tokenForm(await assertion({ claims: { [claim]: String(now + 60) } })));
    assert.equal(reasonOf(outcome), "assertion.numeric-date", claim);
    assert.ok(!outcome.ok && outcome.error.description.startsWith(`${claim} is '${now + 60}'; it must be a NumericDate`), outcome.ok ? "" : outcome.error.description);
  }
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

