import { expect, type Locator, type Page } from "@playwright/test";
import type { UploadFile } from "./channels-page";

/** « Administration » (issue 17): the overview with trainer controls, and « Magasin de confiance ». */
export class AdminPage {
  constructor(private readonly page: Page) {}

  async gotoTrustStore(): Promise<void> {
    await this.page.goto("/admin/trust-store");
    await expect(this.page.getByRole("heading", { level: 1, name: "Magasin de confiance" })).toBeVisible();
  }

  family(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  async addCa(familyLabel: string, file: UploadFile): Promise<void> {
    const form = this.page.getByRole("region", { name: "Ajouter une AC" });
    await form.getByLabel("Famille").selectOption({ label: familyLabel });
    await form.getByLabel("Certificat de l’AC (.cer)").setInputFiles(file);
    await form.getByRole("button", { name: "Ajouter" }).click();
  }

  async retireCa(subject: string): Promise<void> {
    await this.page.getByRole("button", { name: `Retirer l’AC ${subject}` }).click();
    const dialog = this.page.getByRole("dialog", { name: "Retirer cette AC ?" });
    await dialog.getByRole("button", { name: "Retirer" }).click();
  }

  async setDemoDate(isoDate: string): Promise<void> {
    await this.page.goto("/admin");
    await this.page.getByLabel("Date de démonstration").fill(isoDate);
    await this.page.getByRole("button", { name: "Appliquer la date" }).click();
  }

  async gotoCatalogue(): Promise<void> {
    await this.page.goto("/admin/catalogue");
    await expect(this.page.getByRole("heading", { level: 1, name: "Catalogue des permissions" })).toBeVisible();
  }

  /** Changes one label of the permission `code` (the others stay) and saves. */
  async renamePermission(code: string, languageLabel: string, name: string): Promise<void> {
    const entry = this.page.getByRole("region", { name: code, exact: true });
    await entry.getByLabel(languageLabel).fill(name);
    await entry.getByRole("button", { name: "Renommer" }).click();
    await expect(entry.getByTestId("form-confirmation")).toContainText("Les libellés ont été enregistrés.");
  }

  async retirePermission(code: string): Promise<void> {
    await this.page.getByRole("button", { name: `Retirer la permission ${code}` }).click();
    await this.page.getByRole("dialog", { name: "Retirer cette permission ?" }).getByRole("button", { name: "Retirer" }).click();
    await expect(this.page.getByRole("region", { name: code, exact: true })).toContainText("Retirée");
  }

  entry(code: string): Locator {
    return this.page.getByRole("region", { name: code, exact: true });
  }

  /** Types the application code of a batch permission and saves (issue 17). */
  async setApplicationCode(code: string, value: string): Promise<void> {
    const entry = this.entry(code);
    await entry.getByLabel("Code application (fichiers batch)").fill(value);
    await entry.getByRole("button", { name: "Enregistrer le code application" }).click();
  }

  /** Types the OAuth scope of a web-service permission for one quality and saves (issue 17). */
  async setScope(code: string, quality: string, value: string): Promise<void> {
    const entry = this.entry(code);
    await entry.getByLabel(`Scope pour ${quality}`).fill(value);
    await entry.getByRole("button", { name: "Enregistrer les scopes" }).click();
  }

  /** The app's live region, where each change is announced. */
  announcer(): Locator {
    return this.page.getByTestId("announcer");
  }

  /** « Réinitialiser la démonstration », confirmed in its dialog: everyone is signed out. */
  async resetDemo(): Promise<void> {
    await this.page.goto("/admin");
    await this.page.getByRole("button", { name: "Réinitialiser la démonstration" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Réinitialiser la démo ?" });
    await dialog.getByRole("button", { name: "Réinitialiser la démonstration" }).click();
  }
}
