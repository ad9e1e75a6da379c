import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

test.beforeAll(async ({ request }) => resetDemoData(request));

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await expect(page.getByText("Mode démonstration")).toBeVisible();
});

for (const username of ["steven", "danny", "mery", "ann", "ivan", "claire"]) {
  test(`${username} signs in and out`, async ({ page }) => {
    await new LoginPage(page).signInAs(username);
    await expect(page.getByRole("link", { name: "ChaMan - Gestion des canaux techniques" })).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password and an unknown user get the same message", async ({ page }) => {
  const login = new LoginPage(page);
  const error = page.locator("#login-error");
  await login.signIn("danny", "wrong");
  await expect(error).toHaveText("Nom d’utilisateur ou mot de passe incorrect.");
  await login.signIn("nobody", "demo");
  await expect(error).toHaveText("Nom d’utilisateur ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("bob, without the Chaman right, gets the 403 page naming his managers", async ({ page }) => {
  await new LoginPage(page).signIn("bob");
  await expect(page.getByRole("heading", { name: "Erreur 403 - Accès interdit" })).toBeVisible();
  await expect(page.getByText("Danny Janssens – Gestionnaire local")).toBeVisible();
  await expect(page.getByText("Steven Peeters – Responsable d’accès entité")).toBeVisible();
  const response = await page.request.get("/");
  expect(response.status()).toBe(403);
});

test("the language menu switches the interface and remembers the choice", async ({ page }) => {
  await new LoginPage(page).signInAs("danny");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
});

test("issue 6: pages carry a nonce-based Content-Security-Policy and anti-framing headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // The page still works under the policy: its scripts run (the form submits without a reload).
  await new LoginPage(page).signInAs("ann");
});

test("issue 6: after five failures the username is locked with a generic message", async ({ page }) => {
  const login = new LoginPage(page);
  for (let i = 0; i < 5; i += 1) {
    await login.signIn("mery", `wrong-${i}`);
    await expect(page.locator("#login-error")).toHaveText("Nom d’utilisateur ou mot de passe incorrect.");
  }
  await login.signIn("mery", "demo");
  await expect(page.locator("#login-error")).toHaveText("Trop de tentatives de connexion. Réessayez dans quelques minutes.");
});
