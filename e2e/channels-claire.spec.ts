import { expect, test } from "@playwright/test";
import { AccountPage } from "./pages/account-page";
import { ChannelsPage, expectAccessible, kitFile } from "./pages/channels-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

// Claire (Boulangerie Dupont) already has contact data, an FTP and a REST account (demo seed).
test.beforeAll(async ({ request }) => resetDemoData(request));

test("claire sees her accounts and their details", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  await expect(channels.row("Dupont FTP")).toContainText("FTP");
  const rest = channels.row("Dupont Dimona REST");
  await expect(rest).toContainText(/self_service_chaman_\d{6}_[a-z0-9]{10}/);
  await expect(rest).toContainText("Gestion interne");
  await expectAccessible(page);

  await channels.openDetails("Dupont FTP");
  const account = new AccountPage(page);
  await account.expectTitle("ftp", "Dupont FTP");
  await expect(page.getByText("EXPDUPONT1").first()).toBeVisible();
  const card = account.certificateCard("certificat-ftp");
  await expect(card).toContainText("dupont-ftp.cer");
  await expect(card).toContainText("Claire Dupont");
  await expect(card).toContainText("Boulangerie Dupont");
  await expect(card).toContainText("Demo Belgium eID Citizen CA");
  await expect(card).toContainText(/\d{1,2} \p{L}+ \d{4}/u);
  await expect(page.getByRole("link", { name: "Télécharger le certificat certificat-ftp" })).toBeVisible();
  // FTP has exactly one certificate: replace only, no « Ajouter un certificat ».
  await expect(page.getByRole("button", { name: "Ajouter un certificat" })).toHaveCount(0);
  await expectAccessible(page);
});

test("claire cannot create a second FTP account; her SFTP account keeps the FTP username (seed 001 §2.4)", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const cert = await kitFile(page.request, "accepte-eid-rsa2048.cer");
  // Issue 13: the one-account limit is said when the dialog opens, not after the form is filled.
  let dialog = await channels.openCreateDialog("batch");
  await expect(dialog.getByLabel("Type").getByRole("option", { name: "FTP (déjà créé)" })).toBeDisabled();
  await expect(dialog.getByLabel("Type")).toHaveAccessibleDescription(/Un seul compte FTP est autorisé et « Dupont FTP » existe déjà/);
  await dialog.getByRole("button", { name: "Annuler" }).click();

  dialog = await channels.openCreate("SFTP");
  // Issue 12: the dialog proposes the sender's FTP username.
  await expect(dialog.getByLabel("Nom d’utilisateur")).toHaveValue("EXPDUPONT1");
  await channels.fillCreate(dialog, { name: "Dupont SFTP", permissions: ["DmfA"], certificate: cert, certificateName: "c", username: "expdupont1", sshKey: "ssh-rsa AAAA" });
  await channels.submit(dialog);
  await expect(dialog.getByLabel("Nom d’utilisateur")).toHaveAccessibleDescription(/doit commencer par EXP/);
  await expect(dialog.getByLabel(/^Clé SSH publique\*?$/)).toHaveAccessibleDescription(/n’est pas une clé SSH publique lisible/);
  await dialog.getByLabel("Nom d’utilisateur").fill("EXPdupont1");
  await channels.submit(dialog);
  // Her own FTP username is hers for SFTP too (any case); only the key is still refused.
  await expect(dialog.getByLabel(/^Clé SSH publique\*?$/)).toHaveAccessibleDescription(/n’est pas une clé SSH publique lisible/);
  await expect(dialog.getByLabel("Nom d’utilisateur")).not.toHaveAccessibleDescription(/doit commencer par EXP/);
  await expect(dialog.getByLabel("Nom d’utilisateur")).not.toHaveAccessibleDescription(/déjà utilisé/);
});

test("the REST account refuses to lose its only certificate; the page works in every language", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  await channels.openDetails("Dupont Dimona REST");
  // Issue 13: the only certificate's delete control is disabled, the guide's sentence says why.
  const last = page.getByRole("button", { name: "Supprimer le certificat certificat-rest" });
  await expect(last).toBeDisabled();
  await expect(last).toHaveAccessibleDescription("Il est impossible de supprimer un certificat s’il s’agit du seul certificat associé au compte REST.");

  const titles: Array<[string, RegExp]> = [
    ["Nederlands", /REST-account wijzigen - Dupont Dimona REST/],
    ["English", /Edit REST account - Dupont Dimona REST/],
    ["Deutsch", /REST-Konto bearbeiten - Dupont Dimona REST/],
  ];
  for (const [language, title] of titles) {
    await page.getByRole("button", { name: language }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier le compte rest - Dupont Dimona REST");
});

test("another enterprise's certificate download and unknown account ids answer not found", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const response = await page.goto("/accounts/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  const bad = await page.goto("/accounts/not-a-uuid");
  expect(bad?.status()).toBe(404);
  const download = await page.request.get("/accounts/00000000-0000-4000-8000-000000000000/certificates/00000000-0000-4000-8000-000000000000/download");
  expect(download.status()).toBe(404);
});
