import { expect, test } from "@playwright/test";
import { formData } from "./support/server-actions";
import { HttpSession, outcomeOf, uuidsAfter, visibleText } from "./support/http-session";
import { resetDemoData } from "./support/reset";

// Issue 19, next to the isolation matrix (e2e/isolation-matrix.spec.ts): a co-manager from another enterprise,
// once removed, is an outsider again — refused every action of that enterprise and shown none of its data.

const prev = { status: "idle" };
const ACCESS = "app/(chaman)/access/actions.ts";
let baseUrl = "";

test.beforeAll(async ({ request }, info) => {
  await resetDemoData(request);
  baseUrl = String(info.project.use.baseURL);
});

/** The ids in the hidden `field` inputs of the first list row or table row that names `name`. */
function idsNear(html: string, name: string, field: string): string[] {
  const start = html.indexOf(name);
  if (start < 0) return [];
  const rest = html.slice(start);
  const end = Math.min(...["</tr>", "</li>"].map((tag) => rest.indexOf(tag)).filter((i) => i >= 0));
  return uuidsAfter(rest.slice(0, end), `name="${field}" value="`);
}

/**
 * The role assignment behind « Retirer <name> ». Since issue 13 that button always asks first, so its form
 * (and hidden field) is rendered only in the dialog: the id is read from the button's props in the page's
 * React Server Components payload instead (`"fields":{"assignmentId":"…"},"label":…,"accessibleName":"Retirer <name>"`).
 */
function assignmentIdOf(html: string, name: string): string | undefined {
  const q = String.raw`\\?"`;
  const pattern = new RegExp(`assignmentId${q}:${q}([0-9a-f-]{36})${q}[^{}]*?\\},${q}label${q}:${q}[^"\\\\]*${q},${q}accessibleName${q}:${q}Retirer ${name}${q}`);
  return pattern.exec(html)?.[1];
}

// Issue 19: Mery designates Claire (Boulangerie Dupont) co-gestionnaire of APK Recycling, Danny removes
// the role. Claire, still signed in, must then be refused everything of APK Recycling — as an outsider.
test("issue 19: a removed co-manager from another enterprise is an outsider again", async () => {
  const [mery, danny, claireBefore] = [await HttpSession.signIn(baseUrl, "mery"), await HttpSession.signIn(baseUrl, "danny"), await HttpSession.signIn(baseUrl, "claire")];
  expect(outcomeOf(await mery.action(ACCESS, "addCoManagerAction", "/access", [prev, formData({ role: "co-gestionnaire-local", niss: "83061963595" })]))).toBe("ok");
  const apkContext = [...(await claireBefore.html("/contact")).matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]*)</g)].find((m) => m[2]!.includes("APK Recycling"))?.[1];
  expect(apkContext, "while designated, Claire may act for APK Recycling").toBeTruthy();
  await claireBefore.action("components/session-actions.ts", "selectContextAction", "/", [formData({ context: apkContext! })]);
  expect(visibleText(await claireBefore.html("/access")), "control: she manages APK's users").toContain("Bob Lambert");

  const accessPage = await danny.html("/access");
  const apk = {
    claireRole: assignmentIdOf(accessPage, "Claire Dupont")!,
    meryRole: assignmentIdOf(accessPage, "Mery Dubois")!,
    bob: idsNear(accessPage, "Bob Lambert", "userId")[0]!,
    ann: idsNear(accessPage, "Ann Maes", "userId")[0]!,
  };
  for (const id of Object.values(apk)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(outcomeOf(await danny.action(ACCESS, "removeCoManagerAction", "/access", [prev, formData({ assignmentId: apk.claireRole })]))).toBe("ok");
  // Leaving the enterprise ends her open sessions (issue 18's trigger): the old cookie is sent to sign in.
  expect(outcomeOf(await claireBefore.action(ACCESS, "grantRightAction", "/access", [prev, formData({ userId: apk.bob })]))).toBe("signin");
  const claire = await HttpSession.signIn(baseUrl, "claire");

  const before = visibleText(await danny.html("/access"));
  const calls: Array<[string, unknown[]]> = [
    ["grantRightAction", [prev, formData({ userId: apk.bob })]],
    ["revokeRightAction", [prev, formData({ userId: apk.ann })]],
    ["removeCoManagerAction", [prev, formData({ assignmentId: apk.meryRole })]],
    ["removeCoManagerAction", [prev, formData({ assignmentId: apk.meryRole, confirmSelf: "1" })]],
  ];
  for (const [name, args] of calls) expect(outcomeOf(await claire.action(ACCESS, name, "/access", args)), `claire → ${name}`).toBe("refused");
  await claire.action("components/session-actions.ts", "selectContextAction", "/", [formData({ context: apkContext! })]);
  for (const page of ["/contact", "/access", "/delegations", "/journal"]) {
    const text = visibleText(await claire.html(page));
    for (const secret of ["APK Recycling", "Mery Dubois", "Bob Lambert", "mery@demo.chaman.test"]) expect(text, `${page} shows ${secret}`).not.toContain(secret);
  }
  const csv = await (await claire.get("/journal/export")).text();
  expect(csv).not.toContain("Mery Dubois");
  expect(visibleText(await danny.html("/access")), "APK Recycling is unchanged by her calls").toBe(before);
  expect(visibleText(await danny.html("/access"))).not.toContain("Claire Dupont");
});
