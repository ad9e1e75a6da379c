import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createCertificate, generateSshKeyPair } from "../lib/pki/generate";
import { AccountPage } from "./pages/account-page";
import { cerFile, ChannelsPage, expectAccessible, kitFile, type UploadFile } from "./pages/channels-page";
import { ContactPage } from "./pages/contact-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

// Seed 004 walked as danny (APK Recycling, no contact data, no account): SPEC §2–§4.
test.describe.configure({ mode: "serial" });

let page: Page;
let channels: ChannelsPage;
let account: AccountPage;
const files: Record<string, UploadFile> = {};
let restCert: UploadFile;
let restCert2: UploadFile;
let ftpUrl = "";

test.beforeAll(async ({ browser, request }) => {
  await resetDemoData(request);
  page = await (await browser.newContext()).newPage();
  channels = new ChannelsPage(page);
  account = new AccountPage(page);
  const notAfter = new Date("2030-02-16T12:00:00Z");
  const [a, b] = await Promise.all([
    createCertificate({ subject: { cn: "apk-rest-client", o: "APK Recycling" }, notAfter, keyUsage: ["digitalSignature"] }),
    createCertificate({ subject: { cn: "apk-rest-client-2", o: "APK Recycling" }, keyUsage: ["digitalSignature"] }),
  ]);
  restCert = cerFile("apk-rest.cer", a.der);
  restCert2 = cerFile("apk-rest-2.cer", b.pem);
});
test.afterAll(async () => page.context().close());

test("first connection: contact data before anything else, phone checked for the country code", async () => {
  await new LoginPage(page).signInAs("danny");
  await page.goto("/");
  await expect(page).toHaveURL(/\/contact$/);
  const contact = new ContactPage(page);
  await contact.expectForm("APK Recycling");
  await expectAccessible(page);
  await contact.fill({ name: "Danny Janssens", phone: "12", email: "danny@apk-recycling.be", language: "Français" });
  await contact.validate();
  const phone = page.getByLabel("Numéro de téléphone");
  await expect(phone).toHaveAccessibleDescription(/n’est pas un numéro de téléphone valide pour l’indicatif \+32/);
  await phone.fill("0486531619");
  await contact.validate();
  await expect(page.getByRole("heading", { name: "Canaux FTP - SFTP" })).toBeVisible();
  await expect(page.getByText("Aucun compte FTP ou SFTP n’a été créé.")).toBeVisible();
  await expect(page.getByText(/Votre numéro expéditeur : \d{6}/)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/contact");
  await expect(page.getByText("+32 486 53 16 19")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mettre à jour" })).toBeVisible();
  // Sample certificates issued by the demo CAs, fetched with danny's session.
  for (const id of ["accepte-eid-rsa2048.cer", "accepte-globalsign-ec-p384.cer", "refuse-expire.cer", "refuse-pkcs12.pfx", "refuse-taille-cle-rsa1024.cer"]) {
    files[id] = await kitFile(page.request, id);
  }
});

test("create FTP: every refusal at its field, nothing saved; then the account", async () => {
  await channels.goto();
  let dialog = await channels.openCreate("FTP");
  await channels.fillCreate(dialog, {
    name: "WK23FTP", permissions: ["Base de données des pensions complémentaires - Preload"], certificate: files["refuse-expire.cer"]!,
    certificateName: "certwk23", username: "EXP WK23", password: "abc",
  });
  await expect(dialog.getByText("✗ Au moins 2 chiffres ou caractères spéciaux")).toBeVisible();
  await expectAccessible(page);
  await channels.submit(dialog);
  await expect(dialog.getByLabel("Mot de passe")).toHaveAccessibleDescription(/il en faut au moins 2/);
  await expect(dialog.getByLabel("Nom d’utilisateur")).toHaveAccessibleDescription(/ne peut contenir que des lettres/);
  await expect(dialog.getByLabel(/^Certificat\*?$/)).toHaveAccessibleDescription(/Le certificat a expiré le/);
  // Fix them one by one: a .pfx, then an RSA 1024 certificate, then a taken username.
  await dialog.getByLabel("Mot de passe").fill("Secret#12");
  await expect(dialog.getByText("✓ Au moins 2 chiffres ou caractères spéciaux")).toBeVisible();
  await dialog.getByLabel("Nom d’utilisateur").fill("EXPdupont1");
  await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(files["refuse-pkcs12.pfx"]!);
  await channels.submit(dialog);
  await expect(dialog.getByText(/Le format \.pfx est incompatible/)).toBeVisible();
  await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(files["refuse-taille-cle-rsa1024.cer"]!);
  await channels.submit(dialog);
  await expect(dialog.getByText(/1024 bits : seules les clés RSA 2048, 3072 ou 4096 bits/)).toBeVisible();
  await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(files["accepte-eid-rsa2048.cer"]!);
  await channels.submit(dialog);
  await expect(dialog.getByText(/« EXPdupont1 » est déjà utilisé/)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Aucun compte FTP ou SFTP n’a été créé.")).toBeVisible();

  dialog = await channels.openCreate("FTP");
  await channels.fillCreate(dialog, {
    name: "WK23FTP", permissions: ["Base de données des pensions complémentaires - Preload"], certificate: files["accepte-eid-rsa2048.cer"]!,
    certificateName: "certwk23", username: "EXPWK23FTP", password: "Secret#12",
  });
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();
  await expect(channels.row("WK23FTP")).toContainText("FTP");
});

test("a second FTP account is not offered: the dialog says why at once (issue 13)", async () => {
  const dialog = await channels.openCreateDialog("batch");
  const type = dialog.getByLabel("Type");
  await expect(type.getByRole("option", { name: "FTP (déjà créé)" })).toBeDisabled();
  await expect(type.getByRole("option", { name: "SFTP", exact: true })).toBeEnabled();
  await expect(type).toHaveAccessibleDescription(/Un seul compte FTP est autorisé et « WK23FTP » existe déjà : supprimez-le d’abord/);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(channels.section("Canaux FTP - SFTP").getByRole("row")).toHaveCount(2);
});

test("create SFTP (private key refused), SOAP and REST (Client ID)", async () => {
  const keys = generateSshKeyPair({ bits: 2048, comment: "danny" });
  let dialog = await channels.openCreate("SFTP");
  await channels.fillCreate(dialog, {
    name: "WK23SFTP", permissions: ["DmfA"], certificate: files["accepte-globalsign-ec-p384.cer"]!, certificateName: "certsftp", username: "EXPWK23SFTP", sshKey: keys.privateKeyOpenssh,
  });
  await channels.submit(dialog);
  await expect(dialog.getByLabel(/^Clé SSH publique\*?$/)).toHaveAccessibleDescription(/Ceci est une clé PRIVÉE/);
  await dialog.getByLabel(/^Clé SSH publique\*?$/).fill(keys.openssh);
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();
  await expect(channels.row("WK23SFTP")).toContainText("SFTP");

  dialog = await channels.openCreate("SOAP");
  await expect(dialog.getByRole("group", { name: "Permissions sécurisées" })).toHaveCount(0);
  await channels.fillCreate(dialog, { name: "WKSOAP", certificate: files["accepte-eid-rsa2048.cer"]!, certificateName: "Certificate-wk" });
  await channels.submit(dialog);
  await expect(dialog.getByText(/n’est pas acceptée pour les comptes SOAP/)).toBeVisible();
  await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(files["accepte-globalsign-ec-p384.cer"]!);
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();

  dialog = await channels.openCreate("REST");
  await expect(dialog.getByLabel("Gestion interne - Chargement d’un certificat")).toBeChecked();
  await channels.fillCreate(dialog, { name: "My REST Account", certificate: restCert, certificateName: "certftest" });
  await channels.submit(dialog);
  await expect(dialog.getByText("Sélectionnez au moins une permission sécurisée.")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "WITA Amateur - Entreprise" }).check();
  await dialog.getByRole("checkbox", { name: "Effectuer des déclarations Dimona" }).check();
  await channels.submit(dialog);
  await expect(dialog).toBeHidden();
  const rest = channels.row("My REST Account");
  await expect(rest).toContainText(/self_service_chaman_\d{6}_[a-z0-9]{10}/);
  await expect(rest).toContainText("Gestion interne");
  await expect(channels.row("WKSOAP")).toContainText("SOAP");
  await expectAccessible(page);
});

test("FTP detail: rename, permissions, credentials, replace the certificate", async () => {
  await channels.openDetails("WK23FTP");
  ftpUrl = page.url();
  await account.expectTitle("ftp", "WK23FTP");
  await expect(page.getByText("EXPWK23FTP").first()).toBeVisible();
  await expect(page.getByText("Secret#12")).toHaveCount(0);
  const card = account.certificateCard("certwk23");
  await expect(card).toContainText("accepte-eid-rsa2048.cer");
  await expect(card).toContainText("Demo Belgium eID Citizen CA");
  await expectAccessible(page);

  let dialog = await account.open("Modifier le nom du compte");
  await dialog.getByLabel("Nom du compte").fill("WK23FTP bis");
  await dialog.getByRole("button", { name: "Valider" }).click();
  await account.expectTitle("ftp", "WK23FTP bis");

  dialog = await account.open("Modifier les permissions sécurisées", "Permissions sécurisées");
  await dialog.getByRole("checkbox", { name: "Base de données des pensions complémentaires - Preload" }).uncheck();
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog.getByText("Sélectionnez au moins une permission sécurisée.")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Dimona" }).check();
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Permissions sécurisées" }).getByRole("listitem")).toHaveText(["Dimona"]);

  dialog = await account.open("Modifier les identifiants");
  await dialog.getByLabel("Mot de passe").fill("mot de passe");
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog.getByLabel("Mot de passe")).toHaveAccessibleDescription(/caractères non autorisés : ␣/);
  await dialog.getByLabel("Nom d’utilisateur").fill("EXPWK24FTP");
  await dialog.getByLabel("Mot de passe").fill("N3w!pass");
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("EXPWK24FTP").first()).toBeVisible();

  dialog = await account.open("Remplacer le certificat");
  await account.uploadCertificate(dialog, files["refuse-expire.cer"]!, "certwk24");
  await expect(dialog.getByText(/Le certificat a expiré le/)).toBeVisible();
  await account.uploadCertificate(dialog, files["accepte-globalsign-ec-p384.cer"]!, "certwk24");
  await expect(dialog).toBeHidden();
  await expect(account.certificateCard("certwk24")).toContainText("Demo GlobalSign PersonalSign 3 Pro CA");
  await expect(account.certificateCard("certwk23")).toHaveCount(0);
});

test("SFTP detail shows the key type, bits and SHA256 fingerprint", async () => {
  await channels.goto();
  await channels.openDetails("WK23SFTP");
  await account.expectTitle("sftp", "WK23SFTP");
  await expect(page.getByText("SSH-2 RSA, 2048 bits")).toBeVisible();
  // The key's fingerprint, and the server's host key fingerprint beside host and port (issue 15, seed 001 §4.1).
  await expect(page.getByText(/^SHA256:/)).toHaveCount(2);
  const dialog = await account.open("Modifier les identifiants");
  await dialog.getByLabel(/^Clé SSH publique\*?$/).fill(generateSshKeyPair({ bits: 1024 }).openssh);
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog.getByText(/Clé RSA de 1024 bits/)).toBeVisible();
  await dialog.getByLabel(/^Clé SSH publique\*?$/).fill(generateSshKeyPair({ bits: 3072 }).rfc4716);
  await dialog.getByRole("button", { name: "Valider" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("SSH-2 RSA, 3072 bits")).toBeVisible();
});

test("REST detail: add a certificate, delete one, never the last; download byte for byte", async () => {
  await channels.goto();
  await channels.openDetails("My REST Account");
  await account.expectTitle("rest", "My REST Account");
  // The Client ID is shown in the account information (and again in « Tester l'accès », issue 14).
  await expect(page.getByText(/self_service_chaman_\d{6}_[a-z0-9]{10}/).first()).toBeVisible();
  const first = account.certificateCard("certftest");
  await expect(first).toContainText("16 février 2030");
  await expect(first).toContainText("apk-rest-client");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le certificat certftest" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("apk-rest.cer");
  expect(Buffer.compare(await readFile((await file.path())!), restCert.buffer)).toBe(0);

  const dialog = await account.open("Ajouter un certificat");
  await account.uploadCertificate(dialog, restCert2, "second");
  await expect(dialog).toBeHidden();
  await expect(account.certificateCard("second")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Supprimer le certificat certftest" }).click();
  const confirm = page.getByRole("dialog", { name: "Supprimer le certificat" });
  await confirm.getByRole("button", { name: "Supprimer" }).click();
  await expect(confirm).toBeHidden();
  await expect(account.certificateCard("certftest")).toHaveCount(0);

  const last = page.getByRole("button", { name: "Supprimer le certificat second" });
  await expect(last).toBeDisabled();
  await expect(last).toHaveAccessibleDescription("Il est impossible de supprimer un certificat s’il s’agit du seul certificat associé au compte REST.");
  await expect(account.certificateCard("second")).toBeVisible();
});

test("claire cannot open danny's account; danny deletes it after confirmation", async ({ browser }) => {
  const other = await (await browser.newContext()).newPage();
  await new LoginPage(other).signInAs("claire");
  const response = await other.goto(ftpUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("WK23FTP")).toHaveCount(0);
  await other.context().close();

  await channels.goto();
  await channels.deleteAccount("WK23FTP bis");
  await expect(channels.row("WK23FTP bis")).toHaveCount(0);
  await expect(channels.row("WK23SFTP")).toBeVisible();
});
