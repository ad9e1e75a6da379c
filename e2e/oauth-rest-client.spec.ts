import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { importPKCS8, SignJWT } from "jose";
import * as oidc from "openid-client";
import { createCertificate, type Issued } from "../lib/pki/generate";
import { cerFile, ChannelsPage } from "./pages/channels-page";
import { DelegationsPage } from "./pages/delegations-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 14, done when: an integrator's openid-client gets a token with a REST account made in the UI and calls
// the FLA API; wrong assertions get their own reason. Runs against the production build.

const FLA_SCOPE = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
const DUPONT = "0876543270";
const NISS = "65111899997"; // seed 003 §7.3.1's example employee
const year = new Date().getUTCFullYear() - 1;
const trainings = { trainings: [{ title: "Hygiène alimentaire (HACCP)", startDate: `${year}-03-04`, endDate: `${year}-03-05`, hours: 14, formal: true }] };

let base = "";
let clientId = "";
let cert: Issued;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }, info) => {
  await resetDemoData(request);
  base = String(info.project.use.baseURL);
  cert = await createCertificate({ subject: { cn: "dupont-fla-client", o: "Boulangerie Dupont" }, keyUsage: ["digitalSignature"] });
});

test("claire makes a REST account in the UI; openid-client gets a token with it and calls the FLA API", async ({ browser }) => {
  const page = await signedIn(browser, "claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const dialog = await channels.openCreate("REST");
  await channels.fillCreate(dialog, { name: "Dupont FLA", permissions: ["CareerPro - Federal Learning Account - Déclaration"], certificate: cerFile("fla.cer", cert.der), certificateName: "fla-client" });
  await channels.submit(dialog);
  const row = channels.row("Dupont FLA");
  await expect(row).toContainText(/self_service_chaman_\d{6}_[a-z0-9]{10}/);
  clientId = /self_service_chaman_\d{6}_[a-z0-9]{10}/.exec((await row.textContent()) ?? "")![0];
  await page.context().close();

  const key = await importPKCS8(cert.privateKeyPem, "RS256");
  const config = await oidc.discovery(new URL(base), clientId, undefined, oidc.PrivateKeyJwt(key), { execute: [oidc.allowInsecureRequests], algorithm: "oauth2" });
  expect(config.serverMetadata().issuer).toBe(base.replace(/\/$/, ""));
  const tokens = await oidc.clientCredentialsGrant(config, { scope: FLA_SCOPE });
  expect(tokens.token_type).toBe("bearer");
  expect(tokens.expires_in).toBe(600);
  expect(tokens.scope).toBe(FLA_SCOPE);

  const url = new URL(`/api/fla/v1/employers/${DUPONT}/employees/${NISS}/calendarYears/${year}/trainings`, base);
  const put = await oidc.fetchProtectedResource(config, tokens.access_token, url, "PUT", JSON.stringify(trainings), new Headers({ "content-type": "application/json" }));
  expect(put.status).toBe(201);
  const get = await oidc.fetchProtectedResource(config, tokens.access_token, url, "GET");
  expect(get.status).toBe(200);
  expect(await get.json()).toMatchObject(trainings);

  // The employer must be the account's enterprise; a bad NISS is named; no token → RFC 6750 challenge.
  const other = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`/api/fla/v1/employers/0123456749/employees/${NISS}/calendarYears/${year}/trainings`, base), "GET");
  expect(other.status).toBe(403);
  const badNiss = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(`/api/fla/v1/employers/${DUPONT}/employees/65111899998/calendarYears/${year}/trainings`, base), "GET");
  expect(badNiss.status).toBe(400);
  expect((await badNiss.json()).code).toBe("niss.checksum");
  const anonymous = await fetch(url);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
  const forged = await fetch(url, { headers: { authorization: `Bearer ${tokens.access_token.slice(0, -4)}AAAA` } });
  expect(forged.status).toBe(401);
  expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
});

async function assertion(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, pem = cert.privateKeyPem): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: clientId, sub: clientId, aud: `${base.replace(/\/$/, "")}/oauth/token`, exp: now + 300, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: "RS256", ...header })
    .sign(createPrivateKey(pem));
}

let address = 0;
async function postToken(request: APIRequestContext, clientAssertion: string, extra: Record<string, string> = {}) {
  const response = await request.post("/oauth/token", {
    form: { grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: clientAssertion, ...extra },
    headers: { "x-forwarded-for": `198.51.100.${++address}` },
  });
  return { status: response.status(), body: (await response.json()) as { error?: string; error_description?: string; reason?: string; access_token?: string } };
}

test("« Tester l’accès »: the checker names the wrong rule, and checking does not spend the jti", async ({ browser, request }) => {
  const page = await signedIn(browser, "claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  await channels.openDetails("Dupont FLA");
  const section = page.getByRole("region", { name: "Tester l’accès" });
  await expect(section.getByText(`${base.replace(/\/$/, "")}/oauth/token`).first()).toBeVisible();
  await expect(section.getByText(FLA_SCOPE, { exact: true })).toBeVisible();

  await section.getByLabel("Client assertion (JWT)").fill(await assertion({ exp: Math.floor(Date.now() / 1000) + 660 }));
  await section.getByRole("button", { name: "Vérifier" }).click();
  await expect(section.getByRole("status")).toHaveText(/refuserait/);
  // Keyboard users continue from the verdict, not from <body> (the button is disabled while checking).
  await expect(section.getByRole("status")).toBeFocused();
  await expect(section.locator('[data-rule="exp"][data-status="failed"]')).toContainText("600 secondes (10 minutes) au plus");
  await expect(section.locator('[data-rule="signature"][data-status="ok"]')).toBeVisible();

  const good = await assertion();
  await section.getByLabel("Client assertion (JWT)").fill(good);
  await section.getByRole("button", { name: "Vérifier" }).click();
  await expect(section.getByRole("status")).toHaveText(/accepterait/);
  await expect(section.locator('[data-status="failed"]')).toHaveCount(0);
  // The pasted JWT stays in the field after the check (controlled textarea), to fix it and check again.
  await expect(section.getByLabel("Client assertion (JWT)")).toHaveValue(good);
  expect((await postToken(request, good)).status).toBe(200);
  await page.context().close();
});

test("each wrong assertion gets its own reason over HTTP", async ({ request }) => {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const sha1Hex = createHash("sha1").update(cert.der).digest("hex");
  const other = await createCertificate({ subject: { cn: "stranger" }, keyUsage: ["digitalSignature"] });
  const cases: Array<[string, string]> = [
    [await assertion({ aud: "https://services.socialsecurity.be/REST/oauth/v5/token" }), "assertion.aud"],
    [await assertion({ exp: now + 660 }), "assertion.exp-too-far"],
    [await assertion({ exp: now - 120 }), "assertion.expired"],
    [await assertion({}, {}, other.privateKeyPem), "assertion.signature"],
    [`${b64({ alg: "none" })}.${b64({ iss: clientId, sub: clientId, aud: `${base}/oauth/token`, exp: now + 60, jti: randomUUID() })}.`, "assertion.alg-none"],
    [await new SignJWT({ iss: clientId, sub: clientId, exp: now + 60, jti: randomUUID() }).setProtectedHeader({ alg: "HS256" }).sign(Buffer.from(cert.pem)), "assertion.alg-hmac"],
    [await assertion({}, { x5t: Buffer.from(sha1Hex).toString("base64url") }), "assertion.x5t-hex"],
  ];
  for (const [jwt, reason] of cases) {
    const { status, body } = await postToken(request, jwt);
    expect(body.reason, body.error_description).toBe(reason);
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
    expect(body.error_description?.length).toBeGreaterThan(20);
    // A good request in between forgives the failures, so the throttle (5 per Client ID) stays out of the way.
    expect((await postToken(request, await assertion())).status).toBe(200);
  }
  const duplicate = await request.post(`${base.replace(/\/$/, "")}/oauth/token`, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "grant_type=client_credentials&grant_type=client_credentials" });
  expect((await duplicate.json()).error_description).toContain("(RFC 6749 section 3.2)");
  const ungranted = await postToken(request, await assertion(), { scope: "scope:sigedis:gestion:careerpro-federal-learning-account:provider" });
  expect([ungranted.status, ungranted.body.error, ungranted.body.reason]).toEqual([400, "invalid_scope", "scope.other-quality"]);
});

test("claire's journal shows the tokens issued and refused, with the Client ID", async ({ browser }) => {
  const page = await signedIn(browser, "claire");
  await page.goto("/journal?action=oauth");
  const table = page.getByRole("table");
  await expect(table.getByText("Jeton OAuth émis").first()).toBeVisible();
  await expect(table.getByText("Jeton OAuth refusé").first()).toBeVisible();
  await expect(table.getByText(clientId).first()).toBeVisible();
  // A refusal names its documented reason, so the manager can tell the integrator what to fix.
  await expect(table.getByText("Motif (reason)").first()).toBeVisible();
  await expect(table.getByText("assertion.alg-none").first()).toBeVisible();
  await page.context().close();
});

test("the openssl + curl example of the docs gets a token", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oauth-sh-"));
  try {
    writeFileSync(path.join(dir, "client.key"), cert.privateKeyPem);
    const out = execFileSync("bash", ["docs/examples/oauth-token.sh", base, clientId, path.join(dir, "client.key"), FLA_SCOPE]).toString();
    expect(JSON.parse(out)).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: FLA_SCOPE });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("metadata (RFC 8414) and JWKS are public; the issuer is CHAMAN_PUBLIC_URL", async ({ request }) => {
  const metadata = await (await request.get("/.well-known/oauth-authorization-server")).json();
  expect(metadata.issuer).toBe(base.replace(/\/$/, ""));
  expect(metadata.token_endpoint).toBe(`${metadata.issuer}/oauth/token`);
  expect(metadata.token_endpoint_auth_methods_supported).toEqual(["private_key_jwt"]);
  expect(metadata.scopes_supported).toContain(FLA_SCOPE);
  const jwks = await (await request.get("/oauth/jwks")).json();
  expect(jwks.keys[0]).toMatchObject({ kty: "EC", alg: "ES256", use: "sig" });
  expect(jwks.keys[0].d).toBeUndefined();
});

// The token and introspection endpoints are outside the proxy (proxy.ts matcher): they limit and read their
// bodies themselves, and a big or multipart body is an OAuth error, never a 500 or a page.
test("oversized and multipart bodies to the token and introspection endpoints are clean RFC 6749 errors", async ({ request }) => {
  for (const endpoint of ["/oauth/token", "/oauth/introspect"]) {
    const big = await request.post(endpoint, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `grant_type=client_credentials&pad=${"x".repeat(300_000)}` });
    expect(big.status(), endpoint).toBe(400);
    expect(await big.json()).toMatchObject({ error: "invalid_request", error_description: "The request body is larger than 16384 bytes." });
    const multipart = await request.post(endpoint, { multipart: { grant_type: "client_credentials", file: { name: "x.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(300_000) } } });
    expect(multipart.status(), endpoint).toBe(400);
    expect((await multipart.json()).error_description).toMatch(/^The request body must be application\/x-www-form-urlencoded .*found multipart\/form-data\.$/);
  }
});

test("a delegated account: ivan, the technical intermediary, adds his certificate, checks his assertion and gets a token", async ({ browser, request }) => {
  const claire = await signedIn(browser, "claire");
  const claireDelegations = new DelegationsPage(claire);
  await claireDelegations.goto();
  await claireDelegations.delegate("Dupont FLA", "0456.789.034");
  const ivan = await signedIn(browser, "ivan");
  const ivanDelegations = new DelegationsPage(ivan);
  await ivanDelegations.goto();
  const row = ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont");
  await row.getByRole("button", { name: /^Accepter la demande de Boulangerie Dupont/ }).click();
  await expect(row).toContainText("Acceptée");

  const digital = await createCertificate({ subject: { cn: "digital-fla", o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
  await ivan.goto("/delegations/accounts");
  await ivan.getByRole("link", { name: "Dupont FLA" }).click();
  await ivan.getByRole("button", { name: "Ajouter un certificat" }).click();
  const dialog = ivan.getByRole("dialog", { name: "Ajouter un certificat" });
  await dialog.getByLabel("Certificat *", { exact: true }).setInputFiles(cerFile("digital.cer", digital.der));
  await dialog.getByLabel("Nom du certificat *").fill("cert-digital");
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(ivan.getByRole("heading", { name: "Certificat - cert-digital" })).toBeVisible();

  const section = ivan.getByRole("region", { name: "Tester l’accès" });
  const signed = await assertion({}, {}, digital.privateKeyPem);
  await section.getByLabel("Client assertion (JWT)").fill(signed);
  await section.getByRole("button", { name: "Vérifier" }).click();
  await expect(section.getByRole("status")).toHaveText(/accepterait/);
  expect((await postToken(request, signed)).status).toBe(200);
  await Promise.all([claire.context().close(), ivan.context().close()]);
});

// Last: the throttle (issue 19) lets 5 attempts per Client ID be verified at once and refuses the others (429);
// of those verified, exactly one gets the token.
test("50 parallel requests with one assertion: exactly one token, the others refused", async ({ request }) => {
  const shared = await assertion();
  const results = await Promise.all(Array.from({ length: 50 }, () => postToken(request, shared)));
  expect(results.filter((r) => r.status === 200).length).toBe(1);
  const reasons = results.filter((r) => r.status !== 200).map((r) => r.body.reason);
  expect(reasons.length).toBe(49);
  expect(reasons.every((r) => r === "assertion.jti-replayed" || r === "request.throttled-client")).toBe(true);
  expect(reasons).toContain("assertion.jti-replayed");
});
