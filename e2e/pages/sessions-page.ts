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

  /** « Fermer toutes les autres sessions », confirmed in its dialog. */
  async closeAllOthers(): Promise<void> {
    await this.openCloseAllOthers();
    await this.page.getByRole("dialog").getByRole("button", { name: "Fermer les autres sessions" }).click();
  }

  /** Opens the confirmation of « Fermer toutes les autres sessions » and returns the dialog. */
  async openCloseAllOthers(): Promise<Locator> {
    await this.page.getByRole("button", { name: "Fermer toutes les autres sessions" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Fermer toutes les autres sessions ?" });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The page's confirmation (aria-live) region. */
  status(): Locator {
    return this.page.getByRole("status").filter({ hasText: /./ });
  }

  /** The stacked cards shown instead of the table on narrow screens. */
  cards(): Locator {
    return this.page.getByRole("list", { name: "Sessions ouvertes" }).getByRole("listitem");
  }
}
