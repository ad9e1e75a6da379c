import type { APIRequestContext } from "@playwright/test";
import { resetToken } from "../../playwright.config";

/** Puts the demo data back as seeded; call in each spec's beforeAll. */
export async function resetDemoData(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/test/reset", { headers: { "x-reset-token": resetToken } });
  if (!response.ok()) throw new Error(`reset failed: ${response.status()}`);
}
