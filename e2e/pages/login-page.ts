import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/login");
  }

  async signIn(username: string, password = "demo"): Promise<void> {
    await this.goto();
    await this.page.getByLabel("Nom d’utilisateur").fill(username);
    await this.page.getByLabel("Mot de passe").fill(password);
    await this.page.getByRole("button", { name: "Se connecter" }).click();
  }

  /** Signs in and waits until the app shell is shown. */
  async signInAs(username: string): Promise<void> {
    await this.signIn(username);
    await expect(this.page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  }
}
