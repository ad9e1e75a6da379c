import type { Browser, Page } from "@playwright/test";
import { LoginPage } from "../pages/login-page";

/** A page of its own browser context, signed in as a demo persona: two people side by side in one test. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(username);
  return page;
}
