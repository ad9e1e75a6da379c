import { expect, test } from "@playwright/test";
import { expectAccessible } from "./pages/channels-page";
import { ContactPage } from "./pages/contact-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

test.beforeAll(async ({ request }) => resetDemoData(request));

test("claire views and updates her contact data (SPEC §2: one contact per sender)", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  await page.getByRole("link", { name: "Données de contact" }).click();
  await expect(page.getByText("Claire Dupont - fr")).toBeVisible();
  await expect(page.getByText("+32 486 53 16 19")).toBeVisible();
  await expect(page.getByText("claire@boulangerie-dupont.be")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mettre à jour" }).click();
  const contact = new ContactPage(page);
  await contact.expectForm("Boulangerie Dupont");
  await contact.fill({ name: "Claire D.", countryCode: "+33", phone: "+32 486 53 16 19", email: "claire@boulangerie-dupont.be", language: "Nederlands" });
  await contact.validate();
  await expect(page.getByRole("textbox", { name: "Numéro de téléphone" })).toHaveAccessibleDescription("Le numéro est écrit avec l’indicatif +32, mais l’indicatif choisi est +33.");
  await contact.fill({ name: "Claire D.", countryCode: "+32", phone: "0456 98 65 32", email: "claire@boulangerie-dupont.be", language: "Nederlands" });
  await contact.validate();
  await expect(page.getByText("Claire D. - nl")).toBeVisible();
  await expect(page.getByText("+32 456 98 65 32")).toBeVisible();
});

test("an invalid e-mail address is refused at its field", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  await page.goto("/contact?edit=1");
  const email = page.getByRole("textbox", { name: "Adresse email" });
  await email.fill("claire@boulangerie-dupont");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(email).toHaveAccessibleDescription("L’adresse email « claire@boulangerie-dupont » : le domaine « boulangerie-dupont » doit contenir un point, comme entreprise.be.");
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByRole("link", { name: "Mettre à jour" })).toBeVisible();
});

test("issue 13: every field's problem shows at once, what was typed stays, and a save is confirmed", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  await page.goto("/contact?edit=1");
  const contact = new ContactPage(page);
  await contact.fill({ name: "", countryCode: "+33", phone: "+32 486 53 16 19", email: "pas-une-adresse" });
  await contact.validate();
  const main = page.getByRole("main");
  await expect(main.getByRole("textbox", { name: "Nom", exact: true })).toHaveAccessibleDescription(/.+/);
  await expect(main.getByRole("textbox", { name: "Numéro de téléphone" })).toHaveAccessibleDescription("Le numéro est écrit avec l’indicatif +32, mais l’indicatif choisi est +33.");
  // Issue 13: the e-mail refusal says what is wrong; the calling codes name their country; the intro names the quality.
  await expect(main.getByRole("textbox", { name: "Adresse email" })).toHaveAccessibleDescription(
    "L’adresse email « pas-une-adresse » ne contient pas de « @ » : il en faut exactement un, entre le nom et le domaine (par exemple prenom.nom@entreprise.be).",
  );
  await expect(main.getByRole("combobox", { name: "Indicatif" }).locator("option:checked")).toHaveText("+33 France");
  await expect(main.getByText("pour Boulangerie Dupont en tant que « Employeur ONSS ».")).toBeVisible();
  await expect(main.getByRole("textbox", { name: "Adresse email" })).toHaveValue("pas-une-adresse");
  await expect(main.getByRole("textbox", { name: "Numéro de téléphone" })).toHaveValue("+32 486 53 16 19");

  await contact.fill({ name: "Claire Dupont", countryCode: "+32", phone: "0486 53 16 19", email: "claire@boulangerie-dupont.be" });
  await contact.validate();
  await expect(page.getByTestId("announcer")).toHaveText("Données de contact enregistrées.");
});
