import { expect, type Locator, type Page } from "@playwright/test";

/** « Gestion des accès » (app/(chaman)/access). */
export class AccessPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Gestion des accès" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Gestion des accès" })).toBeVisible();
  }

  async activateQuality(quality: string, email: string, designateNiss?: string): Promise<void> {
    await this.page.getByLabel("Qualité *", { exact: true }).selectOption({ label: quality });
    await this.page.getByLabel("Adresse e-mail de la qualité *").fill(email);
    if (designateNiss) {
      await this.page.getByLabel("Je veux désigner un gestionnaire local pour gérer la qualité").check();
      await this.page.getByLabel("NISS du gestionnaire local *").fill(designateNiss);
    } else {
      await this.page.getByLabel("Je désire assurer moi-même la gestion de la qualité").check();
    }
    await this.page.getByRole("button", { name: "Confirmer" }).click();
  }

  memberRow(name: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }
}
