import { expect, type Locator, type Page } from "@playwright/test";

/** « Journal »: the events of the acting sender in sentences, with its filters (issue 13). */
export class JournalPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Journal" }).click();
    await expect(this.page.getByRole("heading", { name: "Journal" })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table");
  }

  row(sentence: string): Locator {
    return this.table.getByRole("row").filter({ hasText: sentence });
  }

  async filter(fields: { kind?: string; person?: string; from?: string; to?: string; order?: string }): Promise<void> {
    if (fields.kind !== undefined) await this.page.getByLabel("Type d’action").selectOption({ label: fields.kind });
    if (fields.person !== undefined) await this.page.getByLabel("Personne").fill(fields.person);
    if (fields.from !== undefined) await this.page.getByLabel("Du", { exact: true }).fill(fields.from);
    if (fields.to !== undefined) await this.page.getByLabel("Au", { exact: true }).fill(fields.to);
    if (fields.order !== undefined) await this.page.getByLabel("Ordre").selectOption({ label: fields.order });
    await this.page.getByRole("button", { name: "Filtrer" }).click();
  }
}
