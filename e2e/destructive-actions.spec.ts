import { expect, test } from "@playwright/test";
import { AccessPage } from "./pages/access-page";
import { ChannelsPage } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

// Issue 13, must fix 4: a destructive dialog names what it destroys and focuses the safe button,
// so Enter twice never deletes; « Retirer » on /access asks first.

test.beforeEach(async ({ request }) => resetDemoData(request));

test("the account delete dialog names the account and focuses « Annuler »: Enter twice deletes nothing", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const open = page.getByRole("button", { name: "Supprimer le compte Dupont FTP" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Supprimer le compte" });
  await expect(dialog).toContainText("Compte FTP « Dupont FTP »");
  await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await expect(channels.row("Dupont FTP")).toBeVisible();

  await channels.deleteAccount("Dupont FTP");
  await expect(channels.row("Dupont FTP")).toHaveCount(0);
  // Must fix 5: a short confirmation in the live region, gone once it has been read.
  await expect(page.getByTestId("announcer")).toHaveText("Compte FTP « Dupont FTP » supprimé.");
  await expect(page.getByTestId("announcer")).toHaveText("", { timeout: 15_000 });
});

test("« Retirer » a co-manager asks for confirmation, safe button first", async ({ page }) => {
  await new LoginPage(page).signInAs("danny");
  await new AccessPage(page).goto();
  await page.getByRole("button", { name: "Retirer Mery Dubois" }).click();
  const dialog = page.getByRole("dialog", { name: "Retirer un co-gestionnaire" });
  await expect(dialog).toContainText("Retirer Mery Dubois (Co-gestionnaire local) ?");
  await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Mery Dubois – Co-gestionnaire local")).toBeVisible();

  await page.getByRole("button", { name: "Retirer Mery Dubois" }).click();
  await dialog.getByRole("button", { name: "Retirer" }).click();
  await expect(page.getByText("Mery Dubois – Co-gestionnaire local")).toHaveCount(0);
  await expect(page.getByTestId("announcer")).toHaveText("Mery Dubois n’a plus le rôle Co-gestionnaire local.");
});
