// Issue 14 / SPEC §7: the client assertion rules without a database (the account is a stub), and the pure helpers.
import assert from "node:assert/strict";
import { createHash, createPrivateKey, randomUUID } from "node:crypto";
import { test } from "node:test";
import { SignJWT } from "jose";
import { createCertificate, type Issued } from "@/lib/pki/generate";
import { resolveCertificateHint } from "./certificate-hints";
import { checkClientAssertion, type RestClient } from "./client-assertion";
import { oauthUrls, publicBaseUrl } from "./config";
import { resolveScopes, type ScopeCatalogueEntry } from "./scopes";

const urls = oauthUrls("https://chaman.example.test");
const CLIENT = "self_service_chaman_300001_abcdefghij";
let cert: Issued | undefined;
const issued = async () => (cert ??= await createCertificate({ subject: { cn: "unit" }, keyUsage: ["digitalSignature"] }));

async function client(): Promise<RestClient> {
  const c = await issued();
  return {
    accountId: "a", clientId: CLIENT, senderId: "s", enterpriseId: "e", enterpriseNumber: "0123456749", qualityId: 1, qualityCode: "employeur-onss", qualityName: "Employeur ONSS", permissionIds: [], delegated: false,
    certificates: [{ id: "c1", name: "main", der: c.der, notBefore: new Date(Date.now() - 86400_000), notAfter: new Date(Date.now() + 86400_000) }],
  };
}

async function verdict(claims: Record<string, unknown>, header: Record<string, unknown> = {}, used = false) {
  const c = await issued();
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ iss: CLIENT, sub: CLIENT, aud: urls.tokenEndpoint, exp: now + 300, jti: randomUUID(), ...claims }).setProtectedHeader({ alg: "RS256", ...header }).sign(createPrivateKey(c.privateKeyPem));
  const stub = await client();
  return checkClientAssertion(jwt, { urls, now: new Date(), findClient: async (id) => (id === CLIENT ? stub : null), isJtiUsed: async () => used });
}

test("every rule is a line; a correct assertion passes them all", async () => {
  const v = await verdict({});
  assert.equal(v.failure, null);
  assert.ok(v.checks.every((c) => c.status === "ok"), JSON.stringify(v.checks));
  assert.deepEqual(v.certificate, { id: "c1", name: "main" });
});

test("independent mistakes are all reported; the first one is the error; dependent lines are skipped", async () => {
  const now = Math.floor(Date.now() / 1000);
  const v = await verdict({ aud: "https://elsewhere.test", exp: now + 3600 });
  assert.deepEqual(v.checks.filter((c) => c.status === "failed").map((c) => c.reason), ["assertion.aud", "assertion.exp-too-far"]);
  assert.equal(v.failure?.reason, "assertion.aud");
  const unknown = await verdict({ iss: "nobody", sub: "nobody" });
  assert.equal(unknown.checks.find((c) => c.rule === "signature")?.status, "skipped");
});

test("the clock skew is 30 s: iat 20 s ahead passes, 60 s ahead fails; exp 620 s ahead passes, 631 s fails", async () => {
  const now = Math.floor(Date.now() / 1000);
  assert.equal((await verdict({ iat: now + 20 })).failure, null);
  assert.equal((await verdict({ iat: now + 60 })).failure?.reason, "assertion.iat-future");
  assert.equal((await verdict({ exp: now + 620 })).failure, null);
  assert.equal((await verdict({ exp: now + 635 })).failure?.reason, "assertion.exp-too-far");
});

test("a used jti is reported by the read-only probe", async () => {
  assert.equal((await verdict({}, {}, true)).failure?.reason, "assertion.jti-replayed");
});

test("certificate hints: plain hex thumbprint (not base64url at all) is named too", async () => {
  const c = await issued();
  const sha1Hex = createHash("sha1").update(c.der).digest("hex");
  const hint = resolveCertificateHint({ x5t: sha1Hex.toUpperCase() }, [{ id: "c1", name: "main", der: c.der }]);
  assert.equal(hint.ok ? "ok" : hint.reason, "assertion.x5t-hex");
  const kid = resolveCertificateHint({ kid: createHash("sha256").update(c.der).digest("hex").match(/../g)!.join(":") }, [{ id: "c1", name: "main", der: c.der }]);
  assert.ok(kid.ok && kid.designated?.length === 1);
});

test("scopes: none requested gives every grantable one; repeated names count once", () => {
  const catalogue: ScopeCatalogueEntry[] = [
    { scope: "s:employer", qualityId: 1, qualityName: "Employeur ONSS", permissionId: 7, permissionName: "FLA" },
    { scope: "s:provider", qualityId: 3, qualityName: "Prestataire de services", permissionId: 7, permissionName: "FLA" },
  ];
  const account = { qualityId: 1, qualityName: "Employeur ONSS", permissionIds: [7] };
  assert.deepEqual(resolveScopes(undefined, catalogue, account), { ok: true, scopes: ["s:employer"] });
  assert.deepEqual(resolveScopes("s:employer  s:employer", catalogue, account), { ok: true, scopes: ["s:employer"] });
  const other = resolveScopes("s:provider", catalogue, account);
  assert.ok(!other.ok && other.error.reason === "scope.other-quality" && other.error.description.includes("Prestataire de services"));
});

test("CHAMAN_PUBLIC_URL: default, trailing slash dropped, query refused", () => {
  assert.equal(publicBaseUrl({}), "http://localhost:3000");
  assert.equal(publicBaseUrl({ CHAMAN_PUBLIC_URL: "https://chaman.example.be/" }), "https://chaman.example.be");
  assert.throws(() => publicBaseUrl({ CHAMAN_PUBLIC_URL: "https://x.test/?a=1" }), /without query/);
  assert.equal(oauthUrls("https://x.test").tokenEndpoint, "https://x.test/oauth/token");
});
