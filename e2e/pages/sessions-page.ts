import { expect, type Locator, type Page } from "@playwright/test";

/** « Mes sessions » (issue 18), reached from the header like a user does. */
export class SessionsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("link", { name: "Mes sessions" }).click();
    await expect(this.page.getByRole("heading", { name: "Mes sessions" })).toBeVisible();
  }

  /** One row per open session (the table's body rows). */
  rows(): Locator {
    return this.page.getByRole("table", { name: "Sessions ouvertes" }).locator("tbody tr");
  }

  currentRow(): Locator {
    return this.rows().filter({ hasText: "Cette session" });
  }

  /** « Fermer » on the first session that is not this one. */
  async closeFirstOther(): Promise<void> {
    await this.page.getByRole("button", { name: /^Fermer la session ouverte le/ }).first().click();
  }

  async closeAllOthers(): Promise<void> {
    await this.page.getByRole("button", { name: "Fermer toutes les autres sessions" }).click();
  }
}
