import { expect, test, type Browser, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { expectAccessible } from "./support/a11y-issue5";
import { resetDemoData } from "./support/reset";

// Issue 13 (tests): axe finds no serious or critical violation on any page, at 1280 px and at 390 px
// wide, as each persona sees it (the sign-in page, the 403 and 404 pages included).
test.beforeAll(async ({ request }) => resetDemoData(request));

const WIDTHS = [1280, 390] as const;

/** The pages each persona reaches from the menu; `{ftp}`/`{rest}` are claire's accounts. */
const PAGES: Record<string, string[]> = {
  claire: ["/", "/accounts/{ftp}", "/accounts/{rest}", "/contact", "/delegations", "/transfers", "/journal", "/managers", "/sessions", "/trainer-kit", "/page-introuvable"],
  steven: ["/access"],
  ivan: ["/delegations", "/delegations/accounts"],
  bob: ["/"],
  admin: ["/admin", "/admin/trust-store", "/admin/catalogue"],
};

async function signedInAt(browser: Browser, user: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await new LoginPage(page).signIn(user);
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

async function accountIds(page: Page): Promise<Record<string, string>> {
  await page.goto("/");
  const idOf = async (name: string) => (await page.getByRole("link", { name: `Détails du compte ${name}` }).getAttribute("href"))!.split("/").pop()!;
  return { ftp: await idOf("Dupont FTP"), rest: await idOf("Dupont Dimona REST") };
}

for (const width of WIDTHS) {
  test(`axe: no serious or critical violation on any page at ${width} px`, async ({ browser }) => {
    test.setTimeout(240_000);
    const visitor = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await visitor.goto("/login");
    await expect(visitor.getByRole("button", { name: "Se connecter" })).toBeVisible();
    await expectAccessible(visitor);
    for (const [user, paths] of Object.entries(PAGES)) {
      const page = await signedInAt(browser, user, width);
      const ids = user === "claire" ? await accountIds(page) : {};
      for (const template of paths) {
        const path = template.replace(/\{(\w+)\}/g, (_, key: string) => ids[key] ?? key);
        await test.step(`${user} ${template}`, async () => {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await expectAccessible(page);
        });
      }
    }
  });
}
