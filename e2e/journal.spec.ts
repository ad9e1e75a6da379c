import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ChannelsPage } from "./pages/channels-page";
import { JournalPage } from "./pages/journal-page";
import { LoginPage } from "./pages/login-page";
import { resetDemoData } from "./support/reset";

test.beforeAll(async ({ request }) => resetDemoData(request));

const brusselsToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());

test("issue 13: the journal reads as sentences with before → after, filters by kind, person and day, and exports the same", async ({ page }) => {
  await new LoginPage(page).signIn("bob", "wrong");
  await new LoginPage(page).signInAs("claire");
  const channels = new ChannelsPage(page);
  await channels.goto();
  await channels.deleteAccount("Dupont FTP");

  const journal = new JournalPage(page);
  await journal.open();
  const deleted = journal.row("Claire Dupont a supprimé le compte FTP « Dupont FTP »");
  await expect(deleted).toBeVisible();
  await expect(deleted.getByRole("definition").filter({ hasText: "EXPDUPONT1" })).toBeVisible();
  await expect(deleted.getByRole("term").filter({ hasText: "Identifiant" })).toBeVisible();
  await expect(journal.table).not.toContainText("account.delete");
  await expect(journal.row("Connexion de Claire Dupont").first()).toBeVisible();
  // Newest first: the deletion comes before claire's sign-in.
  await expect(journal.table.getByRole("row").nth(1)).toContainText("a supprimé le compte FTP");

  await journal.filter({ kind: "Comptes" });
  await expect(page).toHaveURL(/kind=accounts/);
  await expect(deleted).toBeVisible();
  await expect(journal.row("Connexion de")).toHaveCount(0);

  await journal.filter({ kind: "Connexions et sessions", person: "Claire", from: brusselsToday(), to: brusselsToday(), order: "Plus anciens d’abord" });
  await expect(journal.row("Connexion de Claire Dupont").first()).toBeVisible();
  await expect(journal.row("a supprimé")).toHaveCount(0);
  await expect(page.getByLabel("Personne")).toHaveValue("Claire");

  // A sign-in names the person; the person filter finds it by the last name too.
  await journal.filter({ kind: "Connexions et sessions", person: "Dupont", from: "", to: "" });
  await expect(journal.row("Connexion de Claire Dupont").first()).toBeVisible();

  // « Du » after « Au »: a clear hint at the dates rather than an empty journal.
  await journal.filter({ kind: "Toutes les actions", person: "", from: "2026-03-05", to: "2026-03-01" });
  await expect(page.getByRole("alert").filter({ hasText: "Inversez" })).toHaveText("La date « Du » (5 mars 2026) est postérieure à la date « Au » (1er mars 2026) : aucun événement ne peut s’y trouver. Inversez les deux dates.");
  await expect(page.getByLabel("Du", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await journal.filter({ kind: "Toutes les actions", person: "", from: "2001-01-01", to: "2001-01-02", order: "Plus récents d’abord" });
  await expect(page.getByText("Aucun événement ne correspond à ces filtres.")).toBeVisible();

  await journal.filter({ from: "", to: "", kind: "Comptes" });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^journal-\d{6}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8").replace(/^\uFEFF/, "");
  const [header, first] = text.split("\r\n");
  expect(header!.replaceAll('"', "").split(/[;,]/)).toEqual(["Date et heure (Europe/Bruxelles)", "Personne", "Type d’action", "Événement", "Modifications", "Adresse IP"]);
  expect(first).toContain("Claire Dupont a supprimé le compte FTP « Dupont FTP »");
  expect(first).toMatch(/^"?\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}:\d{2}/);
  expect(text).not.toContain("account.delete");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("issue 13: impossible or garbled values in the journal's URL are named and ignored; the export refuses them and a reversed range", async ({ page }) => {
  await new LoginPage(page).signInAs("claire");
  await page.goto("/journal?from=2026-02-31&kind=suppression");
  const notice = page.locator("#journal-ignored");
  await expect(notice).toContainText("Le paramètre « from » (« Du ») de l’adresse vaut « 2026-02-31 » : ce n’est pas une date existante au format AAAA-MM-JJ. Ce paramètre a été ignoré");
  await expect(notice).toContainText("Le paramètre « kind » (« Type d’action ») de l’adresse vaut « suppression » : ce n’est pas un type d’action connu.");
  await expect(page.getByRole("table")).toBeVisible();

  // Reversed range: the page explains, its export button is disabled, and the route answers 400 in words.
  await page.goto("/journal?from=2026-03-05&to=2026-03-01");
  await expect(page.getByRole("button", { name: "Exporter (CSV)" })).toBeDisabled();
  const reversed = await page.request.get("/journal/export?from=2026-03-05&to=2026-03-01");
  expect(reversed.status()).toBe(400);
  expect(reversed.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await reversed.text()).toContain("L’export CSV n’a pas été fait : La date « Du » (5 mars 2026) est postérieure à la date « Au » (1er mars 2026)");
  const junk = await page.request.get("/journal/export?to=2026-13-01");
  expect(junk.status()).toBe(400);
  expect(await junk.text()).toContain("« to » (« Au »)");
  expect((await page.request.get("/journal/export?from=2026-03-01&to=2026-03-05")).status()).toBe(200);
});

test("a classic user with the Chaman right cannot open the journal", async ({ page }) => {
  await new LoginPage(page).signInAs("ann");
  await expect(page.getByRole("link", { name: "Journal" })).toHaveCount(0);
  const response = await page.goto("/journal");
  expect(response?.status()).toBe(403);
  const csv = await page.request.get("/journal/export");
  expect(csv.status()).toBe(403);
});
