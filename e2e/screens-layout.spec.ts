import { expect, test, type Page } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AccountPage } from "./pages/account-page";
import { ChannelsPage, cerFile } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 13 (should fix): the header, the app shell around 404, the Client ID copy button and the
// certificate expiry flags of the home lists.
test.beforeAll(async ({ request }) => resetDemoData(request));

async function noSidewaysScroll(page: Page, path: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test("the menu marks the page on screen with aria-current, also on an account's page", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link", { name: "Canaux techniques" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  await nav.getByRole("link", { name: "Délégations" }).click();
  await expect(nav.getByRole("link", { name: "Délégations" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Canaux techniques" })).not.toHaveAttribute("aria-current", "page");
  await page.goto("/");
  await new ChannelsPage(page).openDetails("Dupont FTP");
  await expect(nav.getByRole("link", { name: "Canaux techniques" })).toHaveAttribute("aria-current", "page");
});

// « Agir pour » with 0123.456.749: e2e/access-quality.spec.ts picks the option by that label.
test("nothing scrolls sideways at 390 px", async ({ browser }) => {
  for (const [user, paths] of [
    ["claire", ["/", "/delegations", "/journal", "/contact", "/accounts-that-do-not-exist"]],
    ["steven", ["/access", "/managers", "/sessions"]],
  ] as const) {
    const page = await signedIn(browser, user);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await noSidewaysScroll(page, path);
    }
  }
});

test("the 404 page keeps the app shell (menu and « Se déconnecter ») for a signed-in user", async ({ page, browser }) => {
  await new LoginPage(page).signInAs("claire");
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  // An unknown account id is a 404 in the shell too.
  await page.goto("/accounts/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  // Signed out: the bare page, no menu.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/cette-page-n-existe-pas");
  await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(visitor.getByRole("navigation", { name: "Navigation principale" })).toHaveCount(0);
});

test("a copy button beside the Client ID copies it and says so; the home flags a certificate expiring within 30 days", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  const rest = channels.row("Dupont Dimona REST");
  const clientId = (await rest.getByRole("cell").nth(2).innerText()).trim();
  expect(clientId).toMatch(/^self_service_chaman_\d{6}_[a-z0-9]{10}$/);
  await rest.getByRole("button", { name: "Copier le Client ID du compte « Dupont Dimona REST »" }).click();
  await expect(page.getByTestId("announcer")).toHaveText(`Client ID ${clientId} copié.`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientId);
  await expect(rest).not.toContainText("Expire dans moins de 30 jours");

  // A certificate that expires in 10 days: the account is flagged in the list.
  const soon = await createCertificate({ subject: { cn: "dupont-soon", o: "Boulangerie Dupont" }, keyUsage: ["digitalSignature"], notAfter: new Date(Date.now() + 10 * 86_400_000) });
  await channels.openDetails("Dupont Dimona REST");
  const account = new AccountPage(page);
  // Beside the Client ID of « Information du compte » and of « Tester l'accès ».
  await expect(page.getByRole("button", { name: "Copier le Client ID du compte « Dupont Dimona REST »" })).toHaveCount(2);
  const dialog = await account.open("Ajouter un certificat");
  await account.uploadCertificate(dialog, cerFile("soon.cer", soon.der), "bientôt");
  await expect(dialog).toBeHidden();
  await page.goto("/");
  await expect(channels.row("Dupont Dimona REST")).toContainText("Expire dans moins de 30 jours");
  await expect(channels.row("Dupont FTP")).not.toContainText("Expire");
});
