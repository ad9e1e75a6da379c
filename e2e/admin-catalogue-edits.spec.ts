import { expect, test, type Page } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AdminPage } from "./pages/admin-page";
import { cerFile } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

// Issue 17, second round: the catalogue's application codes and OAuth scopes edited in the browser, the
// labels refused one by one, administrators revoked, every change announced and journaled in words, the
// trainer's reset button — and the catalogue page hydrates without a console error (QA: React #418).
test.describe.configure({ mode: "serial" });
test.beforeAll(async ({ request }) => resetDemoData(request));
test.afterAll(async ({ request }) => resetDemoData(request));

const EMPLOYER = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";

/** Every console error and uncaught page error while the test runs. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function signedInAdmin(page: Page): Promise<AdminPage> {
  await new LoginPage(page).signInAs("admin");
  return new AdminPage(page);
}

test("the catalogue page hydrates without any console error (React #418 was a <div> inside a <p>)", async ({ page }) => {
  const admin = await signedInAdmin(page);
  const errors = consoleErrors(page);
  await admin.gotoCatalogue();
  // A client handler works only once hydrated: the retire dialog opens, and Cancel closes it.
  await page.getByRole("button", { name: "Retirer la permission batch.dmfa" }).click();
  const dialog = page.getByRole("dialog", { name: "Retirer cette permission ?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await page.goto("/admin");
  await page.goto("/admin/trust-store");
  expect(errors).toEqual([]);
});

test("application code: a bad or taken code is refused with its reason, a good one is saved, announced and journaled in words", async ({ page }) => {
  const admin = await signedInAdmin(page);
  await admin.gotoCatalogue();
  const dmfa = admin.entry("batch.dmfa");
  await expect(dmfa.getByLabel("Code application (fichiers batch)")).toHaveValue("DMFA");
  await admin.setApplicationCode("batch.dmfa", "DM.FA");
  await expect(dmfa.getByRole("alert")).toContainText("« DM.FA » n’est pas un code application");
  // The refused value stays in the field to be corrected.
  await expect(dmfa.getByLabel("Code application (fichiers batch)")).toHaveValue("DM.FA");
  await admin.setApplicationCode("batch.dmfa", "DIMONA");
  await expect(dmfa.getByRole("alert")).toContainText("Le code application DIMONA appartient déjà à une autre permission batch.");
  await admin.setApplicationCode("batch.dmfa", "dmfa2");
  await expect(admin.announcer()).toContainText("Code application DMFA2 enregistré.");
  await page.reload();
  await expect(dmfa.getByLabel("Code application (fichiers batch)")).toHaveValue("DMFA2");

  await page.goto("/admin");
  const row = page.getByRole("region", { name: "Journal de l’administration" }).getByRole("row").filter({ hasText: "a changé le code application de la permission batch.dmfa" });
  await expect(row).toContainText("Code application");
  await expect(row.locator("del")).toHaveText("DMFA");
  await expect(row.locator("ins")).toHaveText("DMFA2");
  await expect(page.getByRole("region", { name: "Journal de l’administration" })).not.toContainText("{");
});

test("OAuth scopes per quality: a malformed one is refused with the rule, a new one is saved for one quality only and journaled", async ({ page }) => {
  const admin = await signedInAdmin(page);
  await admin.gotoCatalogue();
  const fla = admin.entry("ws.careerpro-fla");
  await admin.setScope("ws.careerpro-fla", "Employeur ONSS", "scope:Sigedis FLA");
  await expect(fla.getByRole("alert")).toContainText("« scope:Sigedis FLA » n’est pas un nom de scope");
  await admin.setScope("ws.careerpro-fla", "Employeur ONSS", `${EMPLOYER}-v2`);
  await expect(admin.announcer()).toContainText("Les scopes OAuth ont été enregistrés.");
  await page.reload();
  await expect(fla.getByLabel("Scope pour Employeur ONSS")).toHaveValue(`${EMPLOYER}-v2`);
  await expect(fla.getByLabel("Scope pour Secrétariat social")).toHaveValue("scope:sigedis:gestion:careerpro-federal-learning-account:provider");
  // The same name for the same quality on another permission: refused, naming the permission that has it.
  await admin.setScope("ws.dimona-consult", "Employeur ONSS", `${EMPLOYER}-v2`);
  await expect(admin.entry("ws.dimona-consult").getByRole("alert")).toContainText("déjà accordé par la permission ws.careerpro-fla");

  await page.goto("/admin");
  const row = page.getByRole("region", { name: "Journal de l’administration" }).getByRole("row").filter({ hasText: "a changé les scopes OAuth de la permission ws.careerpro-fla" });
  await expect(row).toContainText("Scope pour Employeur ONSS");
  await expect(row.locator("del")).toHaveText(EMPLOYER);
  await expect(row.locator("ins")).toHaveText(`${EMPLOYER}-v2`);
});

test("a bad permission code and a 3,000-character scope each get their own message beside the field (QA: « Valeur non valable »)", async ({ page }) => {
  const admin = await signedInAdmin(page);
  await admin.gotoCatalogue();
  const form = page.getByRole("region", { name: "Ajouter une permission" });
  const slug = form.getByLabel("Code", { exact: true });
  await slug.fill("Mon Code!");
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.locator("#new-slug-error")).toContainText("« Mon Code! » n’est pas un code de permission : de 2 à 41 caractères, uniquement des lettres minuscules");
  await expect(slug).toHaveAttribute("aria-describedby", "slug-help new-slug-error");
  await expect(slug).toHaveAttribute("aria-invalid", "true");

  const fla = admin.entry("ws.careerpro-fla");
  await admin.setScope("ws.careerpro-fla", "Employeur ONSS", `scope:a:${"b".repeat(2992)}`);
  await expect(fla.getByRole("alert")).toHaveText(/^Un nom de scope compte au plus 200 caractères \(3\s?000 saisis\)\.$/);
  const scope = fla.getByLabel("Scope pour Employeur ONSS");
  await expect(scope).toHaveAttribute("aria-describedby", /scopes-help .*-error$/);
  await expect(fla.getByLabel("Scope pour Secrétariat social")).not.toHaveAttribute("aria-invalid");
});

test("an empty or blank label is refused with a message naming the language, and nothing is saved", async ({ page }) => {
  const admin = await signedInAdmin(page);
  await admin.gotoCatalogue();
  const dmfa = admin.entry("batch.dmfa");
  await expect(dmfa).toContainText("Les quatre libellés sont obligatoires.");
  // Spaces pass the browser's « required »: the server refuses them with the field's own message.
  await dmfa.getByLabel("Libellé en néerlandais").fill("   ");
  await dmfa.getByRole("button", { name: "Renommer" }).click();
  await expect(dmfa.getByRole("alert")).toHaveText("Le libellé en néerlandais est obligatoire.");
  await expect(dmfa.getByLabel("Libellé en néerlandais")).toHaveAttribute("aria-invalid", "true");
  await expect(dmfa.getByLabel("Libellé en français")).not.toHaveAttribute("aria-invalid");
  await page.reload();
  await expect(dmfa.getByLabel("Libellé en néerlandais")).toHaveValue("DmfA");
});

test("retiring a CA is announced in the live region", async ({ page }) => {
  const admin = await signedInAdmin(page);
  const ca = await createCertificate({ subject: { cn: "E2E Announce CA", c: "BE" }, isCa: true });
  await admin.gotoTrustStore();
  await admin.addCa("Autres AC", cerFile("announce.cer", ca.pem));
  await expect(admin.announcer()).toContainText("E2E Announce CA");
  await admin.retireCa("CN=E2E Announce CA, C=BE");
  await expect(admin.announcer()).toContainText("AC CN=E2E Announce CA, C=BE retirée ; les certificats qu’elle a émis sont signalés.");
});

test("an administrator appoints and removes another one; the last administrator cannot be removed; the removed one gets 404", async ({ page, browser }) => {
  const admin = await signedInAdmin(page);
  await page.goto("/admin");
  const admins = page.getByRole("region", { name: "Administrateurs de la plateforme" });
  await expect(admins.getByRole("button", { name: /^Retirer le rôle d’administrateur : Alex Admin/ })).toBeDisabled();
  await expect(admins).toContainText("Le dernier administrateur ne peut pas être retiré.");
  await admins.getByLabel("Nom d’utilisateur ou NISS").fill("claire");
  await admins.getByRole("button", { name: "Nommer administrateur" }).click();
  await expect(admin.announcer()).toContainText("claire");
  await expect(admins).toContainText("(claire)");

  const claire = await browser.newPage();
  await new LoginPage(claire).signInAs("claire");
  expect((await claire.goto("/admin"))?.status()).toBe(200);

  await admins.getByRole("button", { name: /^Retirer le rôle d’administrateur : Claire/ }).click();
  await page.getByRole("dialog", { name: "Retirer cet administrateur ?" }).getByRole("button", { name: "Retirer le rôle" }).click();
  await expect(admin.announcer()).toContainText("claire n’est plus administrateur de la plateforme.");
  await expect(admins).not.toContainText("(claire)");
  expect((await claire.goto("/admin"))?.status()).toBe(404);
  await expect(page.getByRole("region", { name: "Journal de l’administration" })).toContainText("a retiré le rôle d’administrateur de la plateforme à claire.");
});

test("an administrator removes his own role only through the harder confirmation, and leaves the area", async ({ page }) => {
  await signedInAdmin(page);
  await page.goto("/admin");
  const admins = page.getByRole("region", { name: "Administrateurs de la plateforme" });
  await admins.getByLabel("Nom d’utilisateur ou NISS").fill("claire");
  await admins.getByRole("button", { name: "Nommer administrateur" }).click();
  await expect(admins).toContainText("(claire)");
  await page.context().clearCookies();
  await new LoginPage(page).signInAs("claire");
  await page.goto("/admin");
  await expect(admins).toContainText("(vous)");
  await admins.getByRole("button", { name: /^Retirer le rôle d’administrateur : Claire/ }).click();
  const dialog = page.getByRole("dialog", { name: "Retirer votre propre rôle d’administrateur ?" });
  await expect(dialog).toContainText("Vous perdrez aussitôt l’accès à l’Administration");
  await dialog.getByRole("button", { name: "Oui, retirer mon rôle" }).click();
  await expect(page).not.toHaveURL(/\/admin/);
  expect((await page.goto("/admin"))?.status()).toBe(404);
});

test("the trainer's reset button asks first, puts the demo back and signs everyone out", async ({ page }) => {
  const admin = await signedInAdmin(page);
  await admin.gotoCatalogue();
  await admin.renamePermission("batch.dmfa", "Libellé en néerlandais", "DmfA vóór reset");
  await page.goto("/admin");
  // Cancel changes nothing.
  await page.getByRole("button", { name: "Réinitialiser la démonstration" }).click();
  await page.getByRole("dialog", { name: "Réinitialiser la démo ?" }).getByRole("button", { name: "Annuler" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await admin.resetDemo();
  await expect(page).toHaveURL(/\/login/);
  await new LoginPage(page).signInAs("admin");
  await admin.gotoCatalogue();
  await expect(admin.entry("batch.dmfa").getByLabel("Libellé en néerlandais")).toHaveValue("DmfA");
  await page.goto("/admin");
  await expect(page.getByRole("region", { name: "Journal de l’administration" })).toContainText("a réinitialisé la démo.");
});
