import { expect, test } from "@playwright/test";
import { AccessPage } from "./pages/access-page";
import { LoginPage } from "./pages/login-page";
import { expectAccessible } from "./support/a11y-issue5";
import { resetDemoData } from "./support/reset";

// Seed 003 §5 and §7.1: the responsable d'accès entité activates a quality; everyone sees their managers.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("steven activates « Prestataire de formation », manages it himself and then acts for it", async ({ page }) => {
  await new LoginPage(page).signInAs("steven");
  const access = new AccessPage(page);
  await access.goto();
  await expectAccessible(page);

  // An unknown person cannot be designated: said clearly, nothing is activated.
  await access.activateQuality("Secrétariat social", "secretariat@apk.be", "85.07.30-035.26");
  await expect(page.locator("#activate-niss-error")).toHaveText(/Aucun utilisateur n’est enregistré avec le NISS 85\.07\.30-035\.26/);
  await expect(page.getByLabel("NISS du gestionnaire local *")).toHaveAttribute("aria-describedby", "activate-niss-error");

  await access.activateQuality("Prestataire de formation", "formation@apk-recycling.be");
  const status = page.getByRole("status");
  await expect(status).toContainText("La qualité a bien été activée.");
  await expect(status).toContainText("Gestionnaire local : Steven Peeters");
  const row = page.getByRole("row").filter({ hasText: "formation@apk-recycling.be" });
  await expect(row).toContainText("Prestataire de formation");
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^\d{6}$/);
  await expect(page.getByLabel("Qualité *", { exact: true }).getByRole("option", { name: "Prestataire de formation" })).toHaveCount(0);

  // The header switcher now offers the new quality; everything shown is for the one chosen.
  await page.getByLabel("Agir pour").selectOption({ label: "APK Recycling (0123.456.749) – Prestataire de formation" });
  await page.getByRole("button", { name: "Changer" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: "Vos responsables" }).click();
  await expect(page.getByRole("heading", { name: /Niveau Qualité – Prestataire de formation/ })).toBeVisible();
  await expect(page.getByRole("definition").first()).toHaveText("Steven Peeters");
});

test("steven names a co-responsable d’accès by NISS", async ({ page }) => {
  await new LoginPage(page).signInAs("steven");
  const access = new AccessPage(page);
  await access.goto();
  await page.getByLabel("NISS du co-responsable d’accès").fill("92.01.01-389.65");
  await page.getByRole("button", { name: "Désigner" }).first().click();
  await expect(page.getByText("Ann Maes a été désigné(e).")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Ann Maes – Co-responsable d’accès" })).toBeVisible();
});

test("« Vos responsables »: bob, without Chaman access, sees his gestionnaires and responsable d’accès", async ({ page }) => {
  await new LoginPage(page).signIn("bob");
  await expect(page.getByRole("heading", { name: "Erreur 403 - Accès interdit" })).toBeVisible();
  await page.getByRole("link", { name: "Vos responsables" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vos responsables" })).toBeVisible();
  const quality = page.getByRole("region", { name: /Niveau Qualité – Employeur ONSS/ });
  await expect(quality.getByText("Danny Janssens")).toBeVisible();
  await expect(quality.getByText("Mery Dubois")).toBeVisible();
  const entity = page.getByRole("region", { name: /Niveau Entité – APK Recycling/ });
  await expect(entity.getByText("Steven Peeters")).toBeVisible();
  await expect(page.getByRole("link", { name: "Gestion des accès" })).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.request.get("/access")).status()).toBe(403);
});
