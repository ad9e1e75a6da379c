import { expect, type Locator, type Page } from "@playwright/test";
import type { UploadFile } from "./channels-page";

/** « Modifier le compte <type> - <nom> »: the account detail page and its edit dialogs. */
export class AccountPage {
  constructor(private readonly page: Page) {}

  async expectTitle(type: string, name: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 1, name: `Modifier le compte ${type} - ${name}` })).toBeVisible();
  }

  certificateCard(name: string): Locator {
    return this.page.getByRole("region", { name: `Certificat - ${name}` });
  }

  /** Clicks an icon button and returns the dialog titled `title`. */
  async open(button: string, title = button): Promise<Locator> {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: title });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async uploadCertificate(dialog: Locator, file: UploadFile, name: string): Promise<void> {
    await dialog.getByLabel(/^Certificat\*?$/).setInputFiles(file);
    await dialog.getByLabel("Nom du certificat").fill(name);
    await dialog.getByRole("button", { name: "Ajouter" }).click();
  }

  async back(): Promise<void> {
    await this.page.getByRole("link", { name: "← Retour aux comptes" }).click();
  }
}
