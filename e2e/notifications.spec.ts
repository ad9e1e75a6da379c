import { expect, test } from "@playwright/test";
import { createCertificate } from "../lib/pki/generate";
import { AccountPage } from "./pages/account-page";
import { cerFile, expectAccessible } from "./pages/channels-page";
import { DelegationsPage } from "./pages/delegations-page";
import { TodoPanel } from "./pages/todo-panel";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 16: a waiting delegation request and a certificate nearing expiry are noticed without opening the
// page concerned — the menu's counter, « À faire » on the home page — and, in the demo without SMTP, the
// mails to each party's contact are on « Courriels envoyés », in the contact's language.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("the counter and « À faire » show what waits; the mails are in « Courriels envoyés »", async ({ browser }) => {
  const claire = await signedIn(browser, "claire");
  const claireTodo = new TodoPanel(claire);
  let panel = await claireTodo.goto();
  await expect(panel).toContainText("Rien ne vous attend");
  await claireTodo.expectWaiting(0);

  // A REST certificate that expires in 20 days.
  const soon = await createCertificate({ subject: { cn: "dupont-bientot", o: "Boulangerie Dupont" }, notAfter: new Date(Date.now() + 20 * 86_400_000 + 3_600_000), keyUsage: ["digitalSignature"] });
  await claire.goto("/");
  await claire.getByRole("link", { name: "Détails du compte Dupont Dimona REST" }).click();
  const account = new AccountPage(claire);
  const dialog = await account.open("Ajouter un certificat");
  await account.uploadCertificate(dialog, cerFile("bientot.cer", soon.der), "bientot");
  await expect(dialog).toBeHidden();
  panel = await claireTodo.goto();
  const expiring = panel.getByRole("listitem").filter({ hasText: "« bientot »" });
  await expect(expiring).toContainText(/« bientot » du compte REST « Dupont Dimona REST » expire le \d{1,2} \p{L}+ \d{4} \(dans 2[01] jours\)/u);
  await expiring.getByRole("link", { name: "Ouvrir Dupont Dimona REST" }).click();
  await account.expectTitle("REST", "Dupont Dimona REST");

  // claire delegates the account: ivan sees the counter and the request in « À faire ».
  const claireDelegations = new DelegationsPage(claire);
  await claireDelegations.goto();
  await claireDelegations.delegate("Dupont Dimona REST", "0456.789.034");
  await expect(claire.getByRole("status")).toHaveText("La demande de délégation a été envoyée.");
  await claireTodo.expectWaiting(0);

  const ivan = await signedIn(browser, "ivan");
  const ivanTodo = new TodoPanel(ivan);
  const ivanPanel = await ivanTodo.goto();
  await ivanTodo.expectWaiting(1);
  await expect(ivanTodo.delegationsLink()).toContainText("1");
  await expectAccessible(ivan);
  await ivanPanel.getByRole("link", { name: "Décider de la demande de Boulangerie Dupont (0876.543.270)" }).click();
  const ivanDelegations = new DelegationsPage(ivan);
  await expect(ivan.getByRole("heading", { level: 1, name: "Délégations" })).toBeVisible();
  await ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont").getByRole("button", { name: /^Accepter la demande de Boulangerie Dupont/ }).click();
  await expect(ivanDelegations.row(ivanDelegations.intermediaryTable(), "Boulangerie Dupont")).toContainText("Acceptée");
  await ivanTodo.expectWaiting(0);

  // The delegated account's certificate is now the intermediary's business (SPEC §5).
  await expect(await ivanTodo.goto()).toContainText("« bientot » du compte REST « Dupont Dimona REST »");
  await expect(await claireTodo.goto()).not.toContainText("bientot");

  // The demo keeps the mails: ivan's request notice in Dutch, claire's acceptance notice in French.
  await ivan.getByRole("link", { name: "Courriels envoyés" }).click();
  await expect(ivan.getByRole("heading", { level: 1, name: "Courriels envoyés" })).toBeVisible();
  const ivanMail = ivan.getByRole("row").filter({ hasText: "Nieuwe delegatieaanvraag van Boulangerie Dupont" });
  await expect(ivanMail).toContainText("ivan@digital-services.be");
  await expect(ivanMail).toContainText("Nederlands");
  await ivanMail.getByText("Nieuwe delegatieaanvraag van Boulangerie Dupont").click();
  await expect(ivanMail).toContainText("/delegations");
  await expectAccessible(ivan);

  await claire.goto("/outbox");
  await expect(claire.getByRole("row").filter({ hasText: "Digital Services SRL a accepté votre demande de délégation" })).toContainText("claire@boulangerie-dupont.be");
  await expect(claire.getByRole("row").filter({ hasText: "Nieuwe delegatieaanvraag" })).toHaveCount(0);
});
