import { expect, test } from "@playwright/test";
import { DelegationsPage } from "./pages/delegations-page";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// SPEC §5 / FAQ: after refusals by the enterprise the intermediary may re-send at most 20 times; the
// 21st is refused and it is told to ask the enterprise to start the delegation. Both sides see the count.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("the intermediary's 21st re-send is refused and both sides see the limit", async ({ browser }) => {
  test.setTimeout(240_000);
  const ivan = await signedIn(browser, "ivan");
  const claire = await signedIn(browser, "claire");
  const ivanDelegations = new DelegationsPage(ivan);
  const claireDelegations = new DelegationsPage(claire);
  await ivanDelegations.goto();
  await ivanDelegations.askToManage("0876543270", "Employeur ONSS");
  await expect(ivan.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  await claireDelegations.goto();
  const ivanRow = ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont");
  const claireRow = claireDelegations.row(claireDelegations.enterpriseTable(), "Digital Services SRL");
  const refuse = claireRow.getByRole("button", { name: /^Refuser la demande de Digital Services SRL/ });
  const resend = ivanRow.getByRole("button", { name: /^Relancer la demande à Boulangerie Dupont/ });

  for (let count = 1; count <= 20; count++) {
    await refuse.click();
    await expect(claireRow).toContainText("Refusée");
    await ivan.reload();
    await resend.click();
    await expect(ivanRow.getByRole("cell").nth(6)).toHaveText(`${count} / 20 (reste ${20 - count})`);
    await claire.reload();
  }
  await refuse.click();
  await expect(claireRow).toContainText("Limite de relances atteinte");
  await expect(claireRow.getByRole("cell").nth(6)).toHaveText("20 / 20 (reste 0)");

  await ivan.reload();
  await expect(ivanRow).toContainText("Limite de relances atteinte");
  await resend.click();
  await expect(ivanRow.getByRole("alert")).toHaveText(
    "Vous avez déjà relancé cette demande 20 fois, le maximum autorisé. Vous ne pouvez plus adresser de demande de délégation à cette entreprise pour ce rôle : contactez directement l’entreprise pour qu’elle initie elle-même la délégation.",
  );
  // A new request for the same enterprise + role is blocked too.
  await ivanDelegations.askToManage("0876.543.270", "Employeur ONSS");
  await expect(ivan.getByRole("alert").filter({ hasText: "relancé cette demande 20 fois" }).last()).toBeVisible();
  await ivan.reload();
  await expect(ivanRow.getByRole("cell").nth(4)).toContainText("Refusée");
});
