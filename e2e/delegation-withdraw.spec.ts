import { expect, test } from "@playwright/test";
import { DelegationsPage } from "./pages/delegations-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// claire withdraws her pending delegation request: « Annulée » on both sides, ivan can no longer
// accept it, and the REST account is free for a new request.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("the enterprise withdraws its pending request; the intermediary can no longer accept it", async ({ browser }) => {
  const claire = await signedIn(browser, "claire");
  const claireDelegations = new DelegationsPage(claire);
  await claireDelegations.goto();
  await claireDelegations.delegate("Dupont Dimona REST", "0456.789.034");
  await expect(claire.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  const claireRow = claireDelegations.row(claireDelegations.enterpriseTable(), "Digital Services SRL");
  await expect(claireRow).toContainText("En attente");

  await claireRow.getByRole("button", { name: /^Retirer la demande à Digital Services SRL/ }).click();
  const confirm = claire.getByRole("dialog", { name: "Retirer la demande" });
  await expect(confirm).toContainText("sera annulée et ne pourra plus être acceptée");
  await confirm.getByRole("button", { name: "Retirer la demande" }).click();
  await expect(claireRow).toContainText("Annulée");
  await expect(claireRow.getByRole("button")).toHaveCount(0);

  const ivan = await signedIn(browser, "ivan");
  const ivanDelegations = new DelegationsPage(ivan);
  await ivanDelegations.goto();
  const ivanRow = ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont");
  await expect(ivanRow).toContainText("Annulée");
  await expect(ivanRow.getByRole("button", { name: /^Accepter/ })).toHaveCount(0);

  // The account is free again.
  await claireDelegations.delegate("Dupont Dimona REST", "0456.789.034");
  await expect(claire.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
});
