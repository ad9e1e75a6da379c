import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { resetDemo } from "@/lib/db/seed/reset";

export const dynamic = "force-dynamic";

/**
 * Resets the demo data between end-to-end specs. Exists only when the server was started with
 * CHAMAN_TEST_RESET_TOKEN (Playwright's server does; a deployment never should), and requires it.
 */
export async function POST(request: Request): Promise<Response> {
  const expected = process.env.CHAMAN_TEST_RESET_TOKEN;
  const given = request.headers.get("x-reset-token") ?? "";
  if (!expected || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return new Response("Not found", { status: 404 });
  }
  await resetDemo(await getDb());
  return Response.json({ reset: true });
}
