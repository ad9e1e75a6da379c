import { expect, test } from "@playwright/test";
import { expectAccessible } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

test.beforeAll(async ({ request }) => resetDemoData(request));

test("the trainer kit lists each sample with its verdict per channel and downloads it", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  await page.getByRole("link", { name: "Certificats de démonstration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificats de démonstration" })).toBeVisible();
  const row = (file: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: file, exact: true }) });
  await expect(row("accepte-eid-rsa2048.cer").getByRole("cell")).toHaveText([/Émis par l’autorité eID/, "Accepté", "Accepté", "Refusé : cert.issuer-not-allowed", "Accepté", ""]);
  await expect(row("refuse-expire.cer")).toContainText("Refusé : cert.expired");
  await expect(row("refuse-self-signed-sans-key-usage.cer")).toContainText("Refusé : cert.key-usage");
  await expect(row("ssh-refuse-rsa1024.pub")).toContainText("Refusé : ssh.key-size");
  // Issue 14: the REST sample's key pair, as PKCS#12 with its stated password.
  await expect(row("accepte-rest-self-signed.p12")).toContainText("mot de passe « chaman-demo »");
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger refuse-pkcs12.pfx" }).click();
  expect((await download).suggestedFilename()).toBe("refuse-pkcs12.pfx");
});

test("bob, without Chaman access, cannot download the kit", async ({ page }) => {
  await new LoginPage(page).signIn("bob");
  await expect(page.getByRole("heading", { name: "Erreur 403 - Accès interdit" })).toBeVisible();
  const response = await page.request.get("/trainer-kit/files/accepte-eid-rsa2048.cer");
  expect(response.status()).toBe(403);
});
