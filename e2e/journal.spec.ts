import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

test.beforeAll(async ({ request }) => resetDemoData(request));

test("issue 6: a manager reads the journal, filters it and exports it as CSV", async ({ page }) => {
  await new LoginPage(page).signIn("bob", "wrong");
  const login = new LoginPage(page);
  await login.signInAs("danny");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Journal" }).click();
  await expect(page.getByRole("heading", { name: "Journal" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: "Connexion refusée" }).filter({ hasText: "bob" })).toBeVisible();

  await page.getByLabel("Utilisateur").fill("bob");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/actor=bob/);
  await expect(table.getByRole("row").filter({ hasText: "danny" })).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^journal-\d{6}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  // Issue 19: ";"-separated with a byte order mark, for Belgian Excel; every cell quoted.
  expect(text.split("\r\n")[0]).toBe('\uFEFF"id";"at";"actor";"action";"target_type";"target_id";"summary";"ip"');
  expect(text).toContain('"auth.sign-in-failed"');
  expect(text).not.toContain(';"danny";');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("a classic user with the Chaman right cannot open the journal", async ({ page }) => {
  await new LoginPage(page).signInAs("ann");
  await expect(page.getByRole("link", { name: "Journal" })).toHaveCount(0);
  const response = await page.goto("/journal");
  expect(response?.status()).toBe(403);
  const csv = await page.request.get("/journal/export");
  expect(csv.status()).toBe(403);
});
