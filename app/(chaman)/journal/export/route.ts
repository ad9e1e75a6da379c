import { toCsv } from "@/lib/audit/csv";
import { journalFiltersSchema, queryJournal } from "@/lib/audit/journal";
import { getActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const MAX_ROWS = 10_000;

/** CSV export of the journal with the page's filters (managers only; at most 10,000 rows). */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const ctx = actor.current;
  if (!ctx?.chamanAccess || !ctx.canManageRights) return new Response("Forbidden", { status: 403 });
  const params = new URL(request.url).searchParams;
  const filters = journalFiltersSchema.parse({
    action: params.get("action") || undefined,
    actor: params.get("actor") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  });
  const rows = await queryJournal(await getDb(), ctx, filters, MAX_ROWS);
  const csv = toCsv(
    ["id", "at", "actor", "action", "target_type", "target_id", "summary", "ip"],
    rows.map((r) => [r.id, r.at, r.actorLabel, r.action, r.targetType, r.targetId, r.summary, r.ip]),
  );
  const name = `journal-${ctx.senderNumber ?? ctx.enterpriseNumber}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
