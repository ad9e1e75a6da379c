import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formData, listServerActions } from "./support/server-actions";
import { HttpSession, outcomeOf, uuidsAfter, visibleText } from "./support/http-session";
import { resetDemoData } from "./support/reset";

// Issue 6, isolation matrix: every server action and route handler of the build, called by every
// persona (and a signed-out visitor) with ids that belong to another enterprise (Boulangerie
// Dupont). Each call must be refused exactly as SPEC §1/§5 say, and nothing of Dupont's may change.
// The table is checked against the build: an action or route missing from it fails the first test.

type Persona = "anonymous" | "bob" | "ann" | "danny" | "steven" | "ivan" | "claire";
const signedIn: Persona[] = ["bob", "ann", "danny", "steven", "ivan", "claire"];
const outsiders: Persona[] = ["bob", "ann", "danny", "steven", "ivan"];

interface Fixtures {
  restId: string;
  ftpId: string;
  restCertId: string;
  ftpCertId: string;
  delegationId: string;
  stranger: string;
  /** A second session of claire's (« Mes sessions »): nobody else may close it. */
  claireSessionId: string;
}

interface ActionRow {
  page: (f: Fixtures) => string;
  args: (f: Fixtures) => unknown[];
  /** Personas who must be refused; signed-out visitors are always sent to sign in unless `public`. */
  refused: Persona[];
  /** Refused by the thing's state or a rule rather than by rights (e.g. a request not yet refused cannot be re-sent); reveals nothing either. */
  stateRefused?: Persona[];
  public?: boolean;
}

const prev = { status: "idle" };
const ACCOUNTS = "app/(chaman)/accounts/actions.ts";
const DELEGATIONS = "app/(chaman)/delegations/actions.ts";
const DELEGATED = "app/(chaman)/delegations/accounts/[accountId]/actions.ts";
const ACCESS = "app/(chaman)/access/actions.ts";
const SESSIONS = "app/(chaman)/sessions/actions.ts";
const ADMIN = "app/(admin)/admin/actions.ts";
const CATALOGUE = "app/(admin)/admin/catalogue/actions.ts";
const cer = () => new File([new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])], "x.cer");

const actions: Record<string, ActionRow> = {
  [`${ACCOUNTS}#createAccountAction`]: { page: () => "/", refused: ["bob"], args: () => [formData({ type: "SOAP", name: "x", certificate: cer(), certificateName: "x" })] },
  [`${ACCOUNTS}#deleteAccountAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.ftpId })] },
  [`${ACCOUNTS}#renameAccountAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.restId, name: "piraté" })] },
  [`${ACCOUNTS}#updatePermissionsAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.restId, permissionIds: ["1"] })] },
  [`${ACCOUNTS}#updateCredentialsAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.ftpId, username: "EXPPIRATE1", password: "pir@te12" })] },
  [`${ACCOUNTS}#uploadCertificateAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.ftpId, mode: "replace", certificate: cer(), certificateName: "x" })] },
  [`${ACCOUNTS}#deleteCertificateAction`]: { page: () => "/", refused: outsiders, args: (f) => [formData({ accountId: f.restId, certificateId: f.restCertId })] },
  // Issue 14: the assertion checker of another sender's REST account reveals nothing about it.
  ["app/(chaman)/accounts/_components/access-test-actions.ts#checkAssertionAction"]: { page: (f) => `/accounts/${f.restId}`, refused: outsiders, args: (f) => [prev, formData({ accountId: f.restId, assertion: "e30.e30.x" })] },
  ["app/(chaman)/contact/actions.ts#saveContactAction"]: { page: () => "/contact", refused: ["bob"], args: () => [formData({ name: "", countryCode: "+32", phone: "", email: "", language: "fr" })] },
  [`${DELEGATED}#addCertificateAction`]: { page: (f) => `/delegations/accounts/${f.restId}`, refused: signedIn, args: (f) => [prev, formData({ accountId: f.restId, name: "x", certificate: cer() })] },
  [`${DELEGATED}#deleteCertificateAction`]: { page: (f) => `/delegations/accounts/${f.restId}`, refused: signedIn, args: (f) => [prev, formData({ accountId: f.restId, certificateId: f.restCertId })] },
  // The pending request was started by claire: only ivan may decide on it; nobody may end it yet.
  [`${DELEGATIONS}#acceptAction`]: { page: () => "/delegations", refused: ["bob", "ann", "danny", "steven", "claire"], args: (f) => [prev, formData({ delegationId: f.delegationId })] },
  [`${DELEGATIONS}#refuseAction`]: { page: () => "/delegations", refused: ["bob", "ann", "danny", "steven", "claire"], args: (f) => [prev, formData({ delegationId: f.delegationId })] },
  [`${DELEGATIONS}#resendAction`]: { page: () => "/delegations", refused: outsiders, stateRefused: ["claire"], args: (f) => [prev, formData({ delegationId: f.delegationId })] },
  // Only claire, who started it, may withdraw it (not called here: it would cancel the request).
  [`${DELEGATIONS}#withdrawAction`]: { page: () => "/delegations", refused: outsiders, args: (f) => [prev, formData({ delegationId: f.delegationId })] },
  [`${DELEGATIONS}#endAction`]: { page: () => "/delegations", refused: outsiders, stateRefused: ["claire"], args: (f) => [prev, formData({ delegationId: f.delegationId })] },
  // ivan's own enterprise is the intermediary named: refused as a self-delegation before anything is looked up.
  [`${DELEGATIONS}#requestFromEnterpriseAction`]: { page: () => "/delegations", refused: ["bob", "ann", "danny", "steven"], stateRefused: ["ivan"], args: (f) => [prev, formData({ accountId: f.restId, intermediaryNumber: "0456.789.034" })] },
  [`${DELEGATIONS}#requestFromIntermediaryAction`]: { page: () => "/delegations", refused: ["bob", "ann", "danny", "steven", "claire"], args: () => [prev, formData({ enterpriseNumber: "0999.888.767", qualityId: "1" })] },
  [`${ACCESS}#activateQualityAction`]: { page: () => "/access", refused: ["bob", "ann", "danny", "ivan", "claire"], args: () => [prev, formData({ manager: "self", qualityId: "4", contactEmail: "x@example.be", niss: "" })] },
  [`${ACCESS}#addCoManagerAction`]: { page: () => "/access", refused: ["bob", "ann"], args: () => [prev, formData({ role: "co-gestionnaire-local", niss: "00000000000" })] },
  [`${ACCESS}#removeCoManagerAction`]: { page: () => "/access", refused: signedIn, args: (f) => [prev, formData({ assignmentId: f.stranger })] },
  [`${ACCESS}#grantRightAction`]: { page: () => "/access", refused: signedIn, args: (f) => [prev, formData({ userId: f.stranger })] },
  [`${ACCESS}#revokeRightAction`]: { page: () => "/access", refused: signedIn, args: (f) => [prev, formData({ userId: f.stranger })] },
  ["app/(public)/login/actions.ts#signInAction"]: { page: () => "/login", refused: [], public: true, args: () => [{}, formData({ username: "claire", password: "wrong" })] },
  ["app/(public)/login/page.tsx#$$RSC_SERVER_ACTION_0"]: { page: () => "/login", refused: [], public: true, args: () => [] },
  ["components/locale-actions.ts#setLocale"]: { page: () => "/login", refused: [], public: true, args: () => [formData({ locale: "xx" })] },
  ["components/session-actions.ts#selectContextAction"]: { page: () => "/", refused: [], args: (f) => [formData({ context: f.stranger })] },
  ["components/session-actions.ts#signOutAction"]: { page: () => "/", refused: [], args: () => [] },
  // Issue 18: a session is closed only by its own user (claire, not called: it would close her second session).
  [`${SESSIONS}#closeSessionAction`]: { page: () => "/sessions", refused: outsiders, args: (f) => [prev, formData({ sessionId: f.claireSessionId })] },
  // Issue 17: the « Administration » area answers « not found » to everyone but platform administrators.
  [`${ADMIN}#grantAdminAction`]: { page: () => "/admin", refused: signedIn, args: () => [prev, formData({ who: "bob" })] },
  [`${ADMIN}#addCaAction`]: { page: () => "/admin/trust-store", refused: signedIn, args: () => [prev, formData({ family: "eid", certificate: cer() })] },
  [`${ADMIN}#retireCaAction`]: { page: () => "/admin/trust-store", refused: signedIn, args: (f) => [prev, formData({ caId: f.stranger })] },
  [`${ADMIN}#setDemoClockAction`]: { page: () => "/admin", refused: signedIn, args: () => [prev, formData({ date: "2040-01-01" })] },
  [`${ADMIN}#resetDemoAction`]: { page: () => "/admin", refused: signedIn, args: () => [prev, formData({})] },
  [`${CATALOGUE}#addPermissionAction`]: { page: () => "/admin/catalogue", refused: signedIn, args: () => [prev, formData({ kind: "batch", slug: "pirate", nameFr: "x", nameNl: "x", nameEn: "x", nameDe: "x" })] },
  [`${CATALOGUE}#renamePermissionAction`]: { page: () => "/admin/catalogue", refused: signedIn, args: () => [prev, formData({ permissionId: "2", nameFr: "x", nameNl: "x", nameEn: "x", nameDe: "x" })] },
  [`${CATALOGUE}#retirePermissionAction`]: { page: () => "/admin/catalogue", refused: signedIn, args: () => [prev, formData({ permissionId: "2" })] },
  [`${CATALOGUE}#setApplicationCodeAction`]: { page: () => "/admin/catalogue", refused: signedIn, args: () => [prev, formData({ permissionId: "2", applicationCode: "PIRATE" })] },
  [`${CATALOGUE}#setScopesAction`]: { page: () => "/admin/catalogue", refused: signedIn, args: () => [prev, formData({ permissionId: "7", "scope-1": "scope:pirate:scope" })] },
  [`${ADMIN}#revokeAdminAction`]: { page: () => "/admin", refused: signedIn, args: () => [prev, formData({ who: "admin", confirmSelf: "yes" })] },
  [`${SESSIONS}#closeOtherSessionsAction`]: { page: () => "/sessions", refused: [], args: () => [prev, formData({})] },
};

/** Route handlers: the expected HTTP status per persona for another enterprise's resources. */
const routes: Record<string, { path: (f: Fixtures) => string; status: Partial<Record<Persona, number>> & { default: number } }> = {
  "app/(chaman)/accounts/[accountId]/certificates/[certificateId]/download/route.ts": {
    path: (f) => `/accounts/${f.restId}/certificates/${f.restCertId}/download`,
    status: { default: 404, bob: 403, anonymous: 307, claire: 200 },
  },
  "app/(chaman)/delegations/accounts/[accountId]/certificates/[certificateId]/route.ts": {
    path: (f) => `/delegations/accounts/${f.restId}/certificates/${f.restCertId}`,
    status: { default: 404, anonymous: 307 },
  },
  "app/(chaman)/journal/export/route.ts": { path: () => "/journal/export", status: { default: 200, bob: 403, ann: 403, anonymous: 307 } },
  "app/(chaman)/trainer-kit/files/[fileId]/route.ts": { path: () => "/trainer-kit/files/accepte-eid-rsa2048.cer", status: { default: 200, bob: 403, anonymous: 307 } },
  "app/api/auth/[...nextauth]/route.ts": { path: () => "/api/auth/session", status: { default: 200 } },
  "app/api/health/route.ts": { path: () => "/api/health", status: { default: 200 } },
  "app/api/test/reset/route.ts": { path: () => "/api/test/reset", status: { default: 405 } },
  // Issue 14: the OAuth server and the FLA API ignore the session; they authenticate clients themselves.
  "app/oauth/token/route.ts": { path: () => "/oauth/token", status: { default: 405 } },
  "app/oauth/introspect/route.ts": { path: () => "/oauth/introspect", status: { default: 405 } },
  "app/oauth/jwks/route.ts": { path: () => "/oauth/jwks", status: { default: 200 } },
  "app/.well-known/oauth-authorization-server/route.ts": { path: () => "/.well-known/oauth-authorization-server", status: { default: 200 } },
  "app/api/fla/v1/employers/[bce]/employees/[niss]/calendarYears/[year]/trainings/route.ts": {
    path: () => "/api/fla/v1/employers/0876543270/employees/65111899997/calendarYears/2025/trainings",
    status: { default: 401 },
  },
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

let baseUrl = "";
const sessions = new Map<Persona, HttpSession>();
let claireSecond: HttpSession;
let fixtures: Fixtures;

async function dupontSnapshot(f: Fixtures): Promise<string> {
  const claire = sessions.get("claire")!;
  const pages = await Promise.all(["/", `/accounts/${f.restId}`, `/accounts/${f.ftpId}`, "/delegations", "/contact"].map((p) => claire.html(p)));
  return pages.map(visibleText).join("\n");
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }, info) => {
  await resetDemoData(request);
  baseUrl = String(info.project.use.baseURL);
  sessions.set("anonymous", HttpSession.anonymous(baseUrl));
  for (const persona of signedIn) sessions.set(persona, await HttpSession.signIn(baseUrl, persona));
  claireSecond = await HttpSession.signIn(baseUrl, "claire");
  const claire = sessions.get("claire")!;
  const [first, second] = uuidsAfter(await claire.html("/"), "/accounts/");
  const detail = async (id: string) => ({ id, html: await claire.html(`/accounts/${id}`) });
  const accounts = await Promise.all([first!, second!].map(detail));
  const rest = accounts.find((a) => a.html.includes("self_service_chaman_"))!;
  const ftp = accounts.find((a) => a !== rest)!;
  const request1 = await claire.action(DELEGATIONS, "requestFromEnterpriseAction", "/delegations", [prev, formData({ accountId: rest.id, intermediaryNumber: "0456.789.034" })]);
  expect(outcomeOf(request1)).toBe("ok");
  fixtures = {
    restId: rest.id,
    ftpId: ftp.id,
    restCertId: uuidsAfter(rest.html, `/accounts/${rest.id}/certificates/`)[0]!,
    ftpCertId: uuidsAfter(ftp.html, `/accounts/${ftp.id}/certificates/`)[0]!,
    // Only the deciding side (ivan) gets buttons, hence the id, for a pending request.
    delegationId: uuidsAfter(await sessions.get("ivan")!.html("/delegations"), 'name="delegationId" value="')[0]!,
    stranger: crypto.randomUUID(),
    // The first session's « Mes sessions » offers « Fermer » for the other one only.
    claireSessionId: uuidsAfter(await claire.html("/sessions"), 'name="sessionId" value="')[0]!,
  };
  for (const value of Object.values(fixtures)) expect(value).toMatch(/^[0-9a-f-]{36}$/);
});

test("every server action and route handler of the build is in the matrix", () => {
  const built = listServerActions().map((a) => `${a.file}#${a.name}`).sort();
  expect(built).toEqual(Object.keys(actions).sort());
  const handlers = routeFiles("app").sort();
  expect(handlers).toEqual(Object.keys(routes).sort());
});

test("forged and unauthorised server action calls are refused and change nothing", async () => {
  const before = await dupontSnapshot(fixtures);
  let calls = 0;
  for (const [key, row] of Object.entries(actions)) {
    const [file, name] = key.split("#") as [string, string];
    for (const persona of ["anonymous", ...row.refused, ...(row.stateRefused ?? [])] as Persona[]) {
      if (persona === "anonymous" && row.public) continue;
      const response = await sessions.get(persona)!.action(file, name, row.page(fixtures), row.args(fixtures));
      const expected = persona === "anonymous" ? "signin" : row.stateRefused?.includes(persona) ? "invalid" : "refused";
      const key_ = /"key":"([^"]+)"/.exec(response.body)?.[1];
      expect(outcomeOf(response), `${persona} → ${key} (${key_ ?? response.status})`).toBe(expected);
      calls += 1;
    }
  }
  expect(await dupontSnapshot(fixtures)).toBe(before);
  expect((await claireSecond.get("/")).status, "claire's second session is still open").toBe(200);
  console.log(`isolation matrix: ${calls} refused server action calls, Boulangerie Dupont unchanged`);
});

test("route handlers answer each persona as the access rules say", async () => {
  let calls = 0;
  for (const [file, route] of Object.entries(routes)) {
    for (const persona of ["anonymous", ...signedIn] as Persona[]) {
      const response = await sessions.get(persona)!.get(route.path(fixtures));
      expect(response.status, `${persona} → ${file}`).toBe(route.status[persona] ?? route.status.default);
      calls += 1;
    }
  }
  console.log(`isolation matrix: ${calls} route handler calls`);
});

test("a forged context id does not switch danny to another enterprise", async () => {
  const danny = sessions.get("danny")!;
  await danny.action("components/session-actions.ts", "selectContextAction", "/", [formData({ context: fixtures.stranger })]);
  const home = visibleText(await danny.html("/contact"));
  expect(home).toContain("APK Recycling");
  expect(home).not.toContain("Boulangerie Dupont");
});

test("issue 13, SPEC §5: the journal shows a delegation to both of its sides and to nobody else", async () => {
  const sentence = "Claire Dupont a demandé une délégation (« Dupont Dimona REST »)";
  for (const persona of ["claire", "ivan"] as const) {
    expect(visibleText(await sessions.get(persona)!.html("/journal?kind=delegations")), `${persona}'s journal`).toContain(sentence);
  }
  for (const persona of ["danny", "steven"] as const) {
    const response = await sessions.get(persona)!.get("/journal");
    if (response.status !== 200) continue;
    const text = visibleText(await sessions.get(persona)!.html("/journal"));
    expect(text, `${persona}'s journal`).not.toContain("Dupont Dimona REST");
    expect(text, `${persona}'s journal`).not.toContain("Claire Dupont");
  }
  for (const persona of ["bob", "ann"] as const) expect((await sessions.get(persona)!.get("/journal")).status, persona).toBe(403);
});

test("control: the owner's own call succeeds and shows in the snapshot (the checks above can fail)", async () => {
  const before = await dupontSnapshot(fixtures);
  const claire = sessions.get("claire")!;
  const renamed = await claire.action(ACCOUNTS, "renameAccountAction", "/", [formData({ accountId: fixtures.restId, name: "Dupont REST renommé" })]);
  expect(outcomeOf(renamed)).toBe("ok");
  expect(await dupontSnapshot(fixtures)).not.toBe(before);
  const closed = await claire.action(SESSIONS, "closeSessionAction", "/sessions", [prev, formData({ sessionId: fixtures.claireSessionId })]);
  expect(outcomeOf(closed)).toBe("ok");
  expect((await claireSecond.get("/")).status).toBe(307);
});

// Issue 19's co-manager removal: e2e/co-manager-removal.spec.ts.
