import { expect, type Locator, type Page } from "@playwright/test";

/** The menu's « Délégations » link with its counter, and « À faire » on the home page (issue 16). */
export class TodoPanel {
  constructor(private readonly page: Page) {}

  delegationsLink(): Locator {
    return this.page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Délégations/ });
  }

  async expectWaiting(count: number): Promise<void> {
    const link = this.delegationsLink();
    if (count === 0) await expect(link).toHaveAccessibleName("Délégations");
    else await expect(link).toHaveAccessibleName(`Délégations (${count} ${count === 1 ? "demande" : "demandes"} à décider)`);
  }

  async goto(): Promise<Locator> {
    await this.page.goto("/");
    const panel = this.page.getByRole("region", { name: "À faire" });
    await expect(panel).toBeVisible();
    return panel;
  }
}
