import { expect, test, type BrowserContext, type Cookie } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { SessionsPage } from "./pages/sessions-page";
import { expectAccessible } from "./support/a11y-issue5";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// QA findings on issue 18 (« Mes sessions », sign-in): phone layout, confirmations, unknown browsers,
// signing in over another user's session, Auth.js's own pages.

test.beforeAll(async ({ request }) => resetDemoData(request));

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

test("QA 18-4: at 390 px nothing scrolls sideways; the current session is found and closed without it", async ({ browser }) => {
  const other = await signedIn(browser, "bob");
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await new LoginPage(page).signInAs("bob");
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { name: "Mes sessions" })).toBeVisible();
  const sessions = new SessionsPage(page);
  await expect(sessions.cards()).toHaveCount(2);
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  const current = sessions.cards().filter({ hasText: "Cette session" });
  await expect(current).toHaveCount(1);
  const close = current.getByRole("button", { name: "Fermer cette session (vous serez déconnecté)" });
  await expect(close).toBeInViewport();
  const box = await close.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await close.click();
  await expect(page).toHaveURL(/\/login/);
  // Only this session ended: bob's other browser is still signed in.
  await other.goto("/sessions");
  await expect(other.getByRole("heading", { name: "Mes sessions" })).toBeVisible();
  await context.close();
});

test("QA 18-5/6: closings are confirmed aloud; « Fermer toutes les autres sessions » asks first, « Annuler » focused; unknown browsers are named", async ({ browser }) => {
  const first = await signedIn(browser, "mery");
  const unknown = await (await browser.newContext({ userAgent: "Mystery/1.0" })).newPage();
  await new LoginPage(unknown).signInAs("mery");
  const sessions = new SessionsPage(first);
  await sessions.open();
  await expect(sessions.rows()).toHaveCount(2);
  // QA 18-6: the same words as the table's cell, never « (?) ».
  const closeUnknown = first.getByRole("button", { name: /^Fermer la session ouverte le .* \(Navigateur inconnu\)$/ });
  await expect(closeUnknown).toHaveCount(1);
  await expect(sessions.rows().filter({ hasText: "Navigateur inconnu" })).toHaveCount(1);
  await closeUnknown.click();
  await expect(sessions.status()).toHaveText("La session est fermée.");
  await expect(sessions.rows()).toHaveCount(1);

  const third = await signedIn(browser, "mery");
  const fourth = await signedIn(browser, "mery");
  await first.reload();
  await expect(sessions.rows()).toHaveCount(3);
  // Asked first, with the focus on the safe button; cancelling closes nothing.
  let dialog = await sessions.openCloseAllOthers();
  await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
  await expectAccessible(first);
  await first.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(sessions.rows()).toHaveCount(3);
  dialog = await sessions.openCloseAllOthers();
  await dialog.getByRole("button", { name: "Fermer les autres sessions" }).click();
  await expect(sessions.status()).toHaveText("2 sessions fermées.");
  await expect(sessions.rows()).toHaveCount(1);
  for (const page of [third, fourth]) {
    await page.goto("/sessions");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("QA 18-7: signing in as another user in a browser ends the session its cookie carried", async ({ browser, playwright, baseURL }) => {
  const page = await signedIn(browser, "claire");
  const claires = await sessionCookie(page.context());
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await page.request.post("/api/auth/callback/credentials", { form: { username: "danny", password: "demo", csrfToken }, maxRedirects: 0 });
  expect(signIn.status()).toBe(302);
  expect((await sessionCookie(page.context())).value).not.toBe(claires.value);
  // Claire's cookie, replayed: her session is over.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `${claires.name}=${claires.value}` }, maxRedirects: 0 });
  const response = await replay.get("/sessions");
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/login$/);
  await replay.dispose();
  // The browser is now danny's.
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { name: "Mes sessions" })).toBeVisible();
  await expect(page.getByText("Danny Janssens").first()).toBeVisible();
});

test("QA 18-9: Auth.js's own pages land on our login page, with the error in the user's language", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "nl", domain: "localhost", path: "/" }]);
  const page = await context.newPage();
  const alert = page.getByRole("main").getByRole("alert");
  await page.goto("/api/auth/error?error=AccessDenied");
  await expect(page).toHaveURL(/\/login\?error=AccessDenied$/);
  await expect(alert).toContainText("uw rijksregisternummer (INSZ) is hier onbekend");
  await page.goto("/api/auth/error?error=Configuration");
  await expect(alert).toContainText("configuratieprobleem");
  await page.goto("/api/auth/signout");
  await expect(page).toHaveURL(/\/login$/);
  await expect(alert).toHaveCount(0);
  await page.goto("/api/auth/verify-request");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Aanmelden" })).toBeVisible();
  await context.close();
});
