import { expect, type Page } from "@playwright/test";

/** « Données de contact » (seed 004). */
export class ContactPage {
  constructor(private readonly page: Page) {}

  async fill(fields: { name: string; countryCode?: string; phone: string; email: string; language?: string }): Promise<void> {
    const main = this.page.getByRole("main");
    await main.getByRole("textbox", { name: "Nom", exact: true }).fill(fields.name);
    if (fields.countryCode) await main.getByRole("combobox", { name: "Indicatif" }).selectOption(fields.countryCode);
    await main.getByRole("textbox", { name: "Numéro de téléphone" }).fill(fields.phone);
    await main.getByRole("textbox", { name: "Adresse email" }).fill(fields.email);
    if (fields.language) await main.getByRole("combobox", { name: "Langue" }).selectOption({ label: fields.language });
  }

  async validate(): Promise<void> {
    await this.page.getByRole("button", { name: "Valider" }).click();
  }

  async expectForm(enterprise: string): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Données de contact" })).toBeVisible();
    await expect(
      this.page.getByText(`Avant de pouvoir gérer les différents canaux d’envoi technique, nous avons besoin des données de contact de la personne qui gèrera ceux-ci pour ${enterprise}`),
    ).toBeVisible();
  }
}
