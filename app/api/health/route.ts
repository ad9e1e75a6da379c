import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** For Playwright and operators: 200 when the database answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: { kind: handle.kind, status: "up" } });
  } catch (error) {
    console.error("[health] database check failed", error);
    return Response.json({ status: "error", database: { status: "down" } }, { status: 503 });
  }
}
