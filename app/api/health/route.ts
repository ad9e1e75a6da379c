import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * For Playwright, load balancers and operators: 200 `{"status":"ok"}` when the database accepts a write,
 * 503 `{"status":"degraded"}` otherwise (down, read-only, owner of the embedded database gone).
 * The write probe is `txid_current()`: PostgreSQL assigns a transaction id and commits it to its write-ahead
 * log, which fails on a standby and when the log cannot be written; a read-only session
 * (`default_transaction_read_only`) is refused too. No row is written.
 */
export async function GET(): Promise<Response> {
  try {
    const probe = await withinProbeTime(async () => {
      const handle = await getDbHandle();
      return { handle, result: await handle.db.execute<{ read_only: string }>(sql`select txid_current() as xid, current_setting('transaction_read_only') as read_only`) };
    });
    const handle = probe.handle;
    if ((probe.result as unknown as { rows: Array<{ read_only: string }> }).rows[0]?.read_only !== "off") throw new Error("the database session is read-only");
    return Response.json({ status: "ok", database: { kind: handle.kind, status: "up" } });
  } catch (error) {
    console.error("[health] database write check failed", error);
    return Response.json({ status: "degraded", database: { status: "not writable" } }, { status: 503 });
  }
}

/** QA 11b-J: a probe that does not complete (a wedged database) answers 503 after CHAMAN_HEALTH_TIMEOUT_MS (3 s), never hangs. */
async function withinProbeTime<T>(probe: () => Promise<T>): Promise<T> {
  const ms = Number(process.env.CHAMAN_HEALTH_TIMEOUT_MS) > 0 ? Number(process.env.CHAMAN_HEALTH_TIMEOUT_MS) : 3_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the write probe did not complete within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
