import { expect, test } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AccountPage } from "./pages/account-page";
import { AdminPage } from "./pages/admin-page";
import { ChannelsPage, cerFile } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { TodoPanel } from "./pages/todo-panel";
import { resetDemoData } from "./support/reset";

// Issue 17: platform administration in the browser — trust store, demonstration clock, 404 for others.
test.describe.configure({ mode: "serial" });
test.beforeAll(async ({ request }) => resetDemoData(request));
test.afterAll(async ({ request }) => resetDemoData(request));

const year = 365 * 24 * 3600 * 1000;

test("an administrator adds a CA, an FTP account accepts a certificate it issued, the CA is retired and the account shows the flag", async ({ browser }) => {
  const ca = await createCertificate({ subject: { cn: "E2E Admin eID CA", o: "Chaman Mirror e2e", c: "BE" }, isCa: true, notAfter: new Date(Date.now() + 5 * year) });
  const leaf = await createCertificate({ subject: { cn: "Claire Dupont", o: "Boulangerie Dupont", c: "BE" }, issuer: ca, notAfter: new Date(Date.now() + year) });
  const adminPage = await browser.newPage();
  const clairePage = await browser.newPage();

  await new LoginPage(adminPage).signInAs("admin");
  await expect(adminPage).toHaveURL(/\/admin$/);
  const admin = new AdminPage(adminPage);
  await admin.gotoTrustStore();
  await admin.addCa("eID belge", cerFile("ca.cer", ca.pem));
  await expect(adminPage.getByTestId("announcer")).toContainText("E2E Admin eID CA");
  await expect(admin.family("eID belge")).toContainText("E2E Admin eID CA");
  // A leaf certificate is not a CA: refused with its reason, nothing added.
  await admin.addCa("Autres AC", cerFile("leaf.cer", leaf.der));
  await expect(adminPage.getByRole("alert").filter({ hasText: "n’est pas un certificat d’AC" })).toBeVisible();

  await new LoginPage(clairePage).signInAs("claire");
  await new ChannelsPage(clairePage).goto();
  await new ChannelsPage(clairePage).openDetails("Dupont FTP");
  const account = new AccountPage(clairePage);
  const dialog = await account.open("Remplacer le certificat");
  await account.uploadCertificate(dialog, cerFile("e2e-leaf.cer", leaf.der), "cert-e2e-admin");
  await expect(dialog).toBeHidden();
  const card = account.certificateCard("cert-e2e-admin");
  await expect(card).toContainText("E2E Admin eID CA");
  await expect(card).not.toContainText("Émetteur plus reconnu");

  await admin.gotoTrustStore();
  const row = admin.family("eID belge").getByRole("row", { name: /E2E Admin eID CA/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await admin.retireCa("CN=E2E Admin eID CA, O=Chaman Mirror e2e, C=BE");
  await expect(row).toContainText("Retirée le");

  await clairePage.reload();
  await expect(card).toContainText("Émetteur plus reconnu");

  await adminPage.goto("/admin");
  const journal = adminPage.getByRole("region", { name: "Journal de l’administration" });
  await expect(journal).toContainText("a retiré l’AC E2E Admin eID CA du magasin de confiance.");
  await expect(journal).toContainText("a ajouté l’AC CN=E2E Admin eID CA, O=Chaman Mirror e2e, C=BE au magasin de confiance.");
});

test("the demonstration clock moved past a certificate's expiry shows it expired, with a banner, until it is put back", async ({ browser, request }) => {
  await resetDemoData(request);
  const adminPage = await browser.newPage();
  const clairePage = await browser.newPage();
  await new LoginPage(adminPage).signInAs("admin");
  const admin = new AdminPage(adminPage);
  await new LoginPage(clairePage).signInAs("claire");
  await new ChannelsPage(clairePage).goto();
  await new ChannelsPage(clairePage).openDetails("Dupont FTP");
  const card = new AccountPage(clairePage).certificateCard("certificat-ftp");
  await expect(card).not.toContainText("Expiré");

  // The demo FTP certificate is valid two years from the seed: five years later it has expired.
  const later = new Date(Date.now() + 5 * year).toISOString().slice(0, 10);
  await admin.setDemoDate(later);
  await expect(adminPage.getByTestId("announcer")).toContainText("La date de démonstration est appliquée.");
  await clairePage.reload();
  await expect(clairePage.getByRole("note").filter({ hasText: "Date de démonstration" })).toBeVisible();
  await expect(card).toContainText("Expiré");

  // The demo CAs are valid until 2045: past that, the trust store reads them as expired too (QA of issue 17).
  await adminPage.goto("/admin/trust-store");
  await expect(adminPage.getByText(/^Expirée le /)).toHaveCount(0);
  await admin.setDemoDate("2046-01-02");
  await expect(adminPage.getByTestId("announcer")).toContainText("La date de démonstration est appliquée.");
  await adminPage.goto("/admin/trust-store");
  await expect(adminPage.getByText(/^Expirée le /).first()).toBeVisible();

  // Bounded (issue 17 QA: any date up to 9999 was taken): refused beside the field, naming the range.
  await admin.setDemoDate("9999-12-31");
  await expect(adminPage.locator("#demo-date-error")).toContainText("Choisissez une date entre le ");
  await expect(adminPage.getByLabel("Date de démonstration")).toHaveAttribute("aria-describedby", "clock-help clock-range demo-date-error");
  // The sign-in page says the date is moved too.
  const visitor = await browser.newPage();
  await visitor.goto("/login");
  await expect(visitor.getByRole("note").filter({ hasText: "Date de démonstration" })).toContainText("2046");
  await visitor.close();

  await admin.setDemoDate("");
  await expect(adminPage.getByTestId("announcer")).toContainText("revenue à la date réelle");
  await clairePage.reload();
  await expect(clairePage.getByRole("note").filter({ hasText: "Date de démonstration" })).toHaveCount(0);
  await expect(card).not.toContainText("Expiré");
});

test("a permission renamed in NL shows in NL; a retired one stays on the account, marked, and is no longer offered", async ({ browser, request }) => {
  await resetDemoData(request);
  const adminPage = await browser.newPage();
  await new LoginPage(adminPage).signInAs("admin");
  const admin = new AdminPage(adminPage);
  await admin.gotoCatalogue();
  // Issue 14's scopes per quality are shown with the web-service permission that grants them.
  await expect(adminPage.getByRole("region", { name: "ws.careerpro-fla", exact: true }).getByLabel("Scope pour Employeur ONSS")).toHaveValue("scope:sigedis:gestion:careerpro-federal-learning-account:employer");
  await admin.renamePermission("batch.dmfa", "Libellé en néerlandais", "DmfA-aangifte (e2e)");
  await admin.retirePermission("batch.dimona");

  const page = await browser.newPage();
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  await channels.openDetails("Dupont FTP");
  const permissions = page.getByRole("region", { name: "Permissions sécurisées" });
  await expect(permissions).toContainText("DmfA");
  await expect(permissions).not.toContainText("DmfA-aangifte (e2e)");
  await expect(permissions.getByRole("listitem").filter({ hasText: "Dimona" })).toContainText("Retirée du catalogue");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByText("DmfA-aangifte (e2e)")).toBeVisible();
  await expect(page.getByText("Uit de catalogus gehaald")).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();

  await adminPage.goto("/admin");
  await expect(adminPage.getByRole("region", { name: "Journal de l’administration" })).toContainText("a renommé la permission batch.dmfa.");
});

test("non-administrators see no « Administration » and get 404 on every administration page", async ({ page }) => {
  for (const persona of ["claire", "bob", "steven"]) {
    await page.context().clearCookies();
    await new LoginPage(page).signInAs(persona);
    await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/trust-store", "/admin/catalogue"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${persona} ${path}`).toBe(404);
    }
  }
  await page.context().clearCookies();
  await page.goto("/admin/trust-store");
  await expect(page).toHaveURL(/\/login/);
});

test("an account whose certificate's CA was retired is in « À faire » under its own heading (issue 17 QA)", async ({ browser, request }) => {
  await resetDemoData(request);
  const adminPage = await browser.newPage();
  await new LoginPage(adminPage).signInAs("admin");
  const admin = new AdminPage(adminPage);
  await admin.gotoTrustStore();
  await admin.retireCa("CN=Demo Belgium eID Citizen CA, O=Chaman Mirror demo, C=BE");
  await expect(adminPage.getByTestId("announcer")).toContainText("retirée");

  const clairePage = await browser.newPage();
  await new LoginPage(clairePage).signInAs("claire");
  const todo = await new TodoPanel(clairePage).goto();
  await expect(todo.getByRole("heading", { name: "Comptes dont l’émetteur du certificat n’est plus reconnu" })).toBeVisible();
  await expect(todo).toContainText("Compte FTP « Dupont FTP » : l’autorité qui a émis ses certificats a été retirée du magasin de confiance");
  await todo.getByRole("link", { name: "Ouvrir Dupont FTP" }).click();
  await expect(new AccountPage(clairePage).certificateCard("certificat-ftp")).toContainText("Émetteur plus reconnu");
  await resetDemoData(request);
});
