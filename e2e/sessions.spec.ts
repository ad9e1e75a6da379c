import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext, type BrowserContext, type Cookie } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { SessionsPage } from "./pages/sessions-page";
import { expectAccessible } from "./support/a11y-issue5";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// Issue 18: signing out, closing a session from « Mes sessions » or leaving it idle makes a copy of
// the session cookie worthless, on every route (Auth.js's session endpoint included).

test.beforeAll(async ({ request }) => resetDemoData(request));

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

/** A plain HTTP client replaying a copied cookie, as an attacker would (no browser, no redirects followed). */
async function replay(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string, cookie: { name: string; value: string }) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` }, maxRedirects: 0 });
}

test("a cookie copied before signing out is worthless afterwards, on pages and on Auth.js's session endpoint", async ({ browser, playwright, baseURL }) => {
  const page = await signedIn(browser, "claire");
  const copied = await sessionCookie(page.context());
  const thief = await replay(playwright, baseURL!, copied);

  // Control: before sign-out the copy works, and the session endpoint answers without renewing the cookie.
  const before = await thief.get("/");
  expect(before.status()).toBe(200);
  expect(await before.text()).toContain("Claire Dupont");
  const endpoint = await thief.get("/api/auth/session");
  expect(await endpoint.json()).toMatchObject({ user: { name: "Claire Dupont" } });
  expect(endpoint.headers()["set-cookie"]).toBeUndefined();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);

  const after = await thief.get("/");
  expect(after.status()).toBe(307);
  expect(after.headers().location).toMatch(/\/login$/);
  const afterEndpoint = await thief.get("/api/auth/session");
  expect(await afterEndpoint.json()).toBeNull();
  expect(afterEndpoint.headers()["set-cookie"]).toBeUndefined();
  // Auth.js's "update" (POST) cannot bring it back either.
  const update = await thief.post("/api/auth/session", { data: {} });
  expect(await update.json()).toBeNull();
  expect((await thief.get("/")).status()).toBe(307);

  // The same copy put into another browser: sent to sign in.
  const other = await browser.newContext();
  await other.addCookies([copied]);
  const otherPage = await other.newPage();
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/login/);

  // The sign-out is in the enterprise's journal.
  const again = await signedIn(browser, "claire");
  await again.goto("/journal?action=auth.sign-out");
  await expect(again.getByRole("cell", { name: "Déconnexion" }).first()).toBeVisible();
  await thief.dispose();
});

test("Auth.js's own sign-out route ends the session too", async ({ browser, playwright, baseURL }) => {
  const page = await signedIn(browser, "steven");
  const thief = await replay(playwright, baseURL!, await sessionCookie(page.context()));
  expect((await thief.get("/managers")).status()).toBe(200);
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
  expect((await thief.get("/managers")).status()).toBe(307);
  await thief.dispose();
});

test("two browsers: closing the other session from « Mes sessions » signs it out on its next request", async ({ browser }) => {
  const first = await signedIn(browser, "danny");
  const second = await signedIn(browser, "danny");
  const sessions = new SessionsPage(first);
  await sessions.open();
  await expect(sessions.rows()).toHaveCount(2);
  await expect(sessions.currentRow()).toHaveCount(1);
  await expect(sessions.currentRow()).toContainText("Chrome");
  await expectAccessible(first);

  await sessions.closeFirstOther();
  await expect(sessions.rows()).toHaveCount(1);
  await expect(first.getByText("Aucune autre session n’est ouverte.")).toBeVisible();
  await second.reload();
  await expect(second).toHaveURL(/\/login/);
  // The first session is untouched.
  await first.goto("/");
  await expect(first.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // « Fermer toutes les autres sessions »: two more browsers, both signed out, this one kept.
  const third = await signedIn(browser, "danny");
  const fourth = await signedIn(browser, "danny");
  await sessions.open();
  await expect(sessions.rows()).toHaveCount(3);
  await sessions.closeAllOthers();
  await expect(sessions.rows()).toHaveCount(1);
  for (const page of [third, fourth]) {
    await page.goto("/contact");
    await expect(page).toHaveURL(/\/login/);
  }
  // The journal reads in sentences since issue 13: the sign-ins kind, one sentence per closed session.
  await first.goto("/journal?kind=sign-ins");
  await expect(first.getByText(/(Danny Janssens|danny) a fermé une de ses sessions/)).toHaveCount(3);
});

test.describe("idle timeout", () => {
  // A second server on this build with a 6-second idle timeout (CHAMAN_SESSION_IDLE_MINUTES=0.1): the
  // real configuration path, not a test switch. Same database as the main server on PostgreSQL (two
  // instances), its own PGlite folder otherwise.
  const idleSeconds = 6;
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const base = `http://localhost:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    server = spawn("node", ["scripts/e2e-server.mjs"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: ".e2e-data-idle", CHAMAN_SESSION_IDLE_MINUTES: String(idleSeconds / 60) },
    });
    await expect
      .poll(async () => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 120_000, intervals: [500] })
      .toBe(200);
  });

  test.afterAll(() => {
    // Its own process group (detached): the wrapper, npx and next, and nothing else.
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  });

  test("a session idle for longer than the timeout is over; an active one is not", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await new LoginPage(page).signInAs("ann");
    // From here on only these requests use the session (no page: no link prefetches).
    await page.goto("about:blank");
    // « Mes sessions »: a page every signed-in user gets with 200 (the home page may send to « Données de contact »).
    const status = async () => {
      const response = await page.request.get("/sessions", { maxRedirects: 0 });
      return response.status() === 307 ? `307 ${response.headers().location}` : String(response.status());
    };
    const started = Date.now();

    // Active: a request every 2 s keeps it open well past the idle timeout (« last seen » moves every 3 s).
    await expect
      .poll(
        async () => {
          const code = await status();
          if (code !== "200") return `refused (${code}) after ${Date.now() - started} ms of activity`;
          return Date.now() - started > 2.5 * idleSeconds * 1000 ? "still open" : "waiting";
        },
        { intervals: [2_000], timeout: 60_000 },
      )
      .toBe("still open");

    // Idle: the next request comes later than the timeout, and is sent to sign in.
    await expect.poll(status, { intervals: [(idleSeconds + 2) * 1000], timeout: 60_000 }).toMatch(/^307 .*\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });
});
