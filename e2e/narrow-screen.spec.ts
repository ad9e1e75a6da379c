import { expect, test } from "@playwright/test";
import { resetDemoData } from "./support/reset";
import { signedIn } from "./support/signed-in";

// QA 11b-E: on a 390 px phone nothing scrolls sideways: wide tables scroll inside their own card.
test.beforeAll(async ({ request }) => resetDemoData(request));

test("the home page and « Courriels envoyés » fit 390 px without sideways scrolling", async ({ browser }) => {
  const claire = await signedIn(browser, "claire");
  await claire.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/outbox"]) {
    await claire.goto(path);
    await expect(claire.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, clientWidth } = await claire.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  }
});
