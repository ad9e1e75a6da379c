import { expect, type Locator, type Page } from "@playwright/test";

/** « Délégations » (app/(chaman)/delegations) and the intermediary's delegated accounts. */
export class DelegationsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/delegations");
    await expect(this.page.getByRole("heading", { level: 1, name: "Délégations" })).toBeVisible();
  }

  enterpriseTable(): Locator {
    return this.page.locator("#delegations-enterprise");
  }

  intermediaryTable(): Locator {
    return this.page.locator("#delegations-intermediary");
  }

  /** The first row of a table that mentions the counterpart. */
  row(table: Locator, counterpart: string): Locator {
    return table.getByRole("row").filter({ hasText: counterpart }).first();
  }

  async delegate(account: string, intermediaryNumber: string): Promise<void> {
    await this.page.getByLabel("Compte REST *").selectOption({ label: account });
    await this.page.getByLabel("Numéro d’entreprise de l’intermédiaire technique *").fill(intermediaryNumber);
    await this.page.getByRole("button", { name: "Envoyer la demande" }).click();
  }

  async askToManage(enterpriseNumber: string, quality: string): Promise<void> {
    await this.page.getByLabel("Numéro d’entreprise du client *").fill(enterpriseNumber);
    await this.page.getByLabel("Qualité du client *").selectOption({ label: quality });
    await this.page.getByRole("button", { name: "Envoyer la demande" }).click();
  }
}
