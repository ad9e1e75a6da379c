import { expect, type Locator, type Page } from "@playwright/test";

/** « Transferts » (issue 15): declarations per environment and the files waiting in OUT. */
export class TransfersPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Transferts" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Transferts" })).toBeVisible();
  }

  environment(title: RegExp): Locator {
    return this.page.getByRole("region", { name: title });
  }

  /** A row of « Fichiers en attente d'un GO » (files in IN that no GO has closed). */
  waitingFile(name: string): Locator {
    return this.page.getByRole("region", { name: "Fichiers en attente d’un GO" }).getByRole("row", { name: new RegExp(name.replace(/\./g, "\\.")) });
  }

  declaration(stem: string): Locator {
    return this.page.getByRole("row", { name: new RegExp(stem.replace(/\./g, "\\.")) });
  }
}
