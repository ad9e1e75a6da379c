import { expect, test } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AccountPage } from "./pages/account-page";
import { DelegationsPage } from "./pages/delegations-page";
import { expectAccessible } from "./support/a11y-issue5";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// SPEC §5: claire (Boulangerie Dupont) delegates her REST account to Digital Services SRL (ivan):
// request → refuse → re-send → accept → certificates managed by the intermediary → end.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("delegation request, refusal, re-send, acceptance, certificates, end", async ({ browser }) => {
  test.setTimeout(120_000);
  const claire = await signedIn(browser, "claire");
  const ivan = await signedIn(browser, "ivan");
  const claireDelegations = new DelegationsPage(claire);
  const ivanDelegations = new DelegationsPage(ivan);

  await claire.getByRole("link", { name: "Délégations" }).click();
  await expect(claire.getByRole("heading", { level: 1, name: "Délégations" })).toBeVisible();
  await claireDelegations.delegate("Dupont Dimona REST", "0123.456.749");
  await expect(claire.locator("#intermediaryNumber-error")).toContainText("APK Recycling (0123.456.749) n’est pas un intermédiaire technique");
  await claireDelegations.delegate("Dupont Dimona REST", "0456.789.034");
  await expect(claire.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  const claireRow = claireDelegations.row(claireDelegations.enterpriseTable(), "Digital Services SRL");
  await expect(claireRow).toContainText("En attente");
  await expect(claireRow).toContainText("L’entreprise");
  await expectAccessible(claire);

  await ivanDelegations.goto();
  const ivanRow = ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont");
  await expect(ivanRow).toContainText("Dupont Dimona REST");
  await ivanRow.getByRole("button", { name: /^Refuser la demande de Boulangerie Dupont/ }).click();
  await expect(ivanRow).toContainText("Refusée");

  await claire.reload();
  await expect(claireRow).toContainText("Refusée");
  await claireRow.getByRole("button", { name: /^Relancer la demande à Digital Services SRL/ }).click();
  await expect(claireRow).toContainText("En attente");
  await expect(claireRow.getByRole("cell").nth(6)).toHaveText("1");

  await ivan.reload();
  await ivanRow.getByRole("button", { name: /^Accepter la demande de Boulangerie Dupont/ }).click();
  await expect(ivanRow).toContainText("Acceptée");
  await expectAccessible(ivan);

  // The intermediary manages the certificates of the delegated account.
  await ivan.getByRole("link", { name: "Comptes délégués" }).click();
  await ivan.getByRole("link", { name: "Dupont Dimona REST" }).click();
  await expect(ivan.getByRole("heading", { level: 1, name: "Compte REST délégué – Dupont Dimona REST" })).toBeVisible();
  await expect(ivan.getByText("Effectuer des déclarations Dimona")).toBeVisible();
  const issued = await createCertificate({ subject: { cn: "digital-dupont", o: "Digital Services SRL" }, keyUsage: ["digitalSignature"] });
  await ivan.getByRole("button", { name: "Ajouter un certificat" }).click();
  const dialog = ivan.getByRole("dialog", { name: "Ajouter un certificat" });
  await dialog.getByLabel("Certificat *", { exact: true }).setInputFiles({ name: "digital.cer", mimeType: "application/pkix-cert", buffer: Buffer.from(issued.der) });
  await dialog.getByLabel("Nom du certificat *").fill("cert-digital");
  await expectAccessible(ivan);
  await dialog.getByRole("button", { name: "Ajouter" }).click();
  await expect(ivan.getByRole("status")).toHaveText("Le certificat « cert-digital » a été ajouté.");
  await expect(ivan.getByRole("heading", { name: "Certificat - cert-digital" })).toBeVisible();

  const href = await ivan.getByRole("link", { name: "Télécharger le certificat cert-digital" }).getAttribute("href");
  const download = await ivan.request.get(href!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(Buffer.from(issued.der))).toBe(true);
  // claire cannot download it through the intermediary's route.
  expect((await claire.request.get(href!)).status()).toBe(404);

  await ivan.getByRole("button", { name: "Supprimer le certificat certificat-rest" }).click();
  const confirm = ivan.getByRole("dialog", { name: "Supprimer le certificat" });
  await confirm.getByRole("button", { name: "Supprimer" }).click();
  await expect(ivan.getByRole("heading", { name: "Certificat - certificat-rest" })).toHaveCount(0);
  const last = ivan.getByRole("button", { name: "Supprimer le certificat cert-digital" });
  await expect(last).toBeDisabled();
  await expect(last).toHaveAccessibleDescription("Il est impossible de supprimer un certificat s’il s’agit du seul certificat associé au compte REST.");
  await expect(ivan.getByRole("heading", { name: "Certificat - cert-digital" })).toBeVisible();

  // The enterprise sees who manages the account, not its certificates, and still edits its permissions (SPEC §5).
  await claire.goto("/");
  const restRow = claire.getByRole("row").filter({ hasText: "Dupont Dimona REST" });
  await expect(restRow).toContainText("Géré par l’intermédiaire technique");
  await claire.getByRole("link", { name: "Détails du compte Dupont Dimona REST" }).click();
  await expect(claire.getByText("Les certificats de ce compte REST sont gérés par l’intermédiaire technique.")).toBeVisible();
  await expect(claire.getByRole("heading", { name: /^Certificat - / })).toHaveCount(0);
  await expect(claire.getByRole("link", { name: /^Télécharger le certificat/ })).toHaveCount(0);
  const permissions = await new AccountPage(claire).open("Modifier les permissions sécurisées", "Permissions sécurisées");
  await permissions.getByRole("checkbox", { name: "Obligation de retenue" }).check();
  await permissions.getByRole("button", { name: "Valider" }).click();
  await expect(permissions).toBeHidden();
  await ivan.reload();
  await expect(ivan.getByText("Obligation de retenue")).toBeVisible();

  // The enterprise ends the delegation; the intermediary loses the account, and (issue 19) its
  // certificate goes with it: the dialog says so, and that the enterprise must add its own.
  await claire.goto("/delegations");
  await claireRow.getByRole("button", { name: /^Mettre fin à la délégation à Digital Services SRL/ }).click();
  const endDialog = claire.getByRole("dialog", { name: "Mettre fin à la délégation" });
  await expect(endDialog).toContainText("Les certificats ajoutés par l’intermédiaire seront supprimés immédiatement");
  await expect(endDialog).toContainText("Ajoutez ensuite votre propre certificat : sans certificat, le compte ne peut plus être utilisé.");
  await endDialog.getByRole("button", { name: "Mettre fin à la délégation" }).click();
  await expect(claireRow).toContainText("Terminée");
  expect((await ivan.request.get(href!)).status()).toBe(404);
  await claire.goto("/");
  await claire.getByRole("link", { name: "Détails du compte Dupont Dimona REST" }).click();
  await expect(claire.getByRole("heading", { name: /^Certificat - / })).toHaveCount(0);
  await expect(claire.getByRole("note").filter({ hasText: "Ce compte n’a plus aucun certificat" })).toContainText("il ne peut pas être utilisé tant que vous n’avez pas ajouté votre propre certificat");
  await ivan.reload();
  await expect(ivan.getByRole("heading", { name: "Page introuvable." }).or(ivan.getByText("Page introuvable."))).toBeVisible();
  await ivan.goto("/delegations/accounts");
  await expect(ivan.getByText("Aucun compte ne vous est délégué pour le moment.")).toBeVisible();
});

test("an intermediary's request is accepted by the enterprise, which picks the REST account", async ({ browser }) => {
  const ivan = await signedIn(browser, "ivan");
  const claire = await signedIn(browser, "claire");
  const ivanDelegations = new DelegationsPage(ivan);
  await ivanDelegations.goto();
  await ivanDelegations.askToManage("0876.543.270", "Employeur ONSS");
  await expect(ivan.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  const claireDelegations = new DelegationsPage(claire);
  await claireDelegations.goto();
  const row = claireDelegations.row(claireDelegations.enterpriseTable(), "Digital Services SRL");
  await expect(row).toContainText("À choisir par l’entreprise");
  await row.getByRole("button", { name: "Accepter" }).click();
  await expect(row.getByRole("combobox")).toHaveAttribute("aria-invalid", "true");
  await row.getByLabel("Compte REST à déléguer").selectOption({ label: "Dupont Dimona REST" });
  await row.getByRole("button", { name: "Accepter" }).click();
  await expect(row).toContainText("Acceptée");
  await expect(row).toContainText("Dupont Dimona REST");
  await ivan.goto("/delegations/accounts");
  await expect(ivan.getByRole("link", { name: "Dupont Dimona REST" })).toBeVisible();
});
