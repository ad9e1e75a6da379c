import { expect, test } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AccessPage } from "./pages/access-page";
import { ChannelsPage, cerFile, expectAccessible } from "./pages/channels-page";
import { DelegationsPage } from "./pages/delegations-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 13, must fix 3: a refused form keeps what was typed (files included where the browser
// allows), shows every field error at once, and no refusal outlives the form it described.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("« Activer une qualité »: a refused NISS keeps the quality, the e-mail and « désigner »; « moi-même » hides the NISS", async ({ page }) => {
  await new LoginPage(page).signInAs("steven");
  const access = new AccessPage(page);
  await access.goto();
  const quality = page.getByLabel("Qualité *", { exact: true });
  const email = page.getByLabel("Adresse e-mail de la qualité *");
  const designate = page.getByLabel("Je veux désigner un gestionnaire local pour gérer la qualité");
  const self = page.getByLabel("Je désire assurer moi-même la gestion de la qualité");
  const niss = page.getByLabel("NISS du gestionnaire local *");
  // Placeholders are fictitious, never Steven's own NISS (85.07.30-033.28).
  await designate.check();
  await expect(niss).toHaveAttribute("placeholder", "90.01.01-001.23");

  await access.activateQuality("Secrétariat social", "secretariat@apk.be", "85.07.30-035.26");
  await expect(page.locator("#activate-niss-error")).toHaveText(/Aucun utilisateur n’est enregistré avec le NISS 85\.07\.30-035\.26/);
  await expect(quality.locator("option:checked")).toHaveText("Secrétariat social");
  await expect(email).toHaveValue("secretariat@apk.be");
  await expect(designate).toBeChecked();
  await expect(self).not.toBeChecked();
  await expect(niss).toHaveValue("85.07.30-035.26");
  await expectAccessible(page);

  // Choosing « moi-même » takes the NISS field away (it no longer applies).
  await self.check();
  await expect(niss).toHaveCount(0);
  await expect(quality.locator("option:checked")).toHaveText("Secrétariat social");

  // Several problems at once: every field says its own.
  await email.fill("pas-une-adresse");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(email).toHaveAccessibleDescription(/adresse|e-mail/i);
  await expect(email).toHaveValue("pas-une-adresse");
});

test("the intermediary's « Ajouter un certificat » keeps name and file on a refusal; the same certificate twice is refused", async ({ browser }) => {
  test.setTimeout(120_000);
  const claire = await signedIn(browser, "claire");
  const ivan = await signedIn(browser, "ivan");
  await claire.goto("/delegations");
  // Issue 13: found by name, not only by number.
  await new DelegationsPage(claire).delegate("Dupont Dimona REST", "digital services");
  await expect(claire.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  const ivanDelegations = new DelegationsPage(ivan);
  await ivanDelegations.goto();
  const row = ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont");
  await row.getByRole("button", { name: /^Accepter la demande de Boulangerie Dupont/ }).click();
  await expect(row).toContainText("Acceptée");

  await ivan.goto("/delegations/accounts");
  await ivan.getByRole("link", { name: "Dupont Dimona REST" }).click();
  await ivan.getByRole("button", { name: "Ajouter un certificat" }).click();
  const dialog = ivan.getByRole("dialog", { name: "Ajouter un certificat" });
  const file = dialog.getByLabel(/^Certificat\s*\*?$/);
  const name = dialog.getByLabel("Nom du certificat *");

  // A file that is no certificate: refused at the file, the name stays.
  await file.setInputFiles(cerFile("notes.cer", "ceci n'est pas un certificat"));
  await name.fill("cert-digital");
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(file).toHaveAccessibleDescription(/certificat/);
  await expect(name).toHaveValue("cert-digital");
  await expect(dialog).toBeVisible();

  // A good file without a name: refused at the name, the chosen file stays chosen.
  const issued = await createCertificate({ subject: { cn: "digital-dupont", o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
  await file.setInputFiles(cerFile("digital.cer", issued.der));
  await name.fill("");
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(name).toHaveAccessibleDescription(/obligatoire|requis/i);
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("digital.cer");
  await expectAccessible(ivan);

  await name.fill("cert-digital");
  // The same certificate as PEM with a line of text after it (issue 12 leftover): added, and the note quotes what was ignored.
  await file.setInputFiles(cerFile("digital.cer", `${issued.pem}\nExported by CertTool 2.1\n`));
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(ivan.getByRole("status").filter({ hasText: "a été ajouté" })).toHaveText("Le certificat « cert-digital » a été ajouté.");
  await expect(ivan.getByRole("status").filter({ hasText: "À noter" })).toContainText("le texte placé après la fin du bloc PEM (« Exported by CertTool 2.1 ») a été ignoré");

  // Issue 13 (should fix): the same certificate (same SHA-256) is refused the second time, by name.
  await ivan.getByRole("button", { name: "Ajouter un certificat" }).click();
  await file.setInputFiles(cerFile("copie.cer", issued.der));
  await name.fill("copie");
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(file).toHaveAccessibleDescription(/déjà associé à ce compte sous le nom « cert-digital »/);
  await expect(name).toHaveValue("copie");
  await expect(ivan.getByRole("heading", { name: /^Certificat - / })).toHaveCount(2);

  // The enterprise's account page names the intermediary that manages its certificates.
  await claire.goto("/");
  await claire.getByRole("link", { name: "Détails du compte Dupont Dimona REST" }).click();
  await expect(claire.getByText("Intermédiaire technique : Digital Services SRL (0456.789.034).")).toBeVisible();
});

test("create dialog: choosing another type clears the previous type's refusals", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  const dialog = await channels.openCreate("SOAP");
  await channels.submit(dialog);
  const name = dialog.getByLabel("Nom du compte");
  await expect(name).toHaveAccessibleDescription(/obligatoire|requis/i);
  await dialog.getByLabel("Type").selectOption("REST");
  await expect(dialog.getByLabel("Nom du compte")).not.toHaveAccessibleDescription(/obligatoire|requis/i);
  await expect(dialog.locator("[id$='-error']")).toHaveCount(0);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
});
