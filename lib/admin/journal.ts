import "server-only";
import { desc, like } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

export interface AdminJournalEntry {
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  summary: Record<string, unknown> | null;
}

/** The latest administrative changes (actions « admin.* »), newest first, at most `limit` (default 200). */
export async function listAdminJournal(q: Queryable, limit = 200): Promise<AdminJournalEntry[]> {
  const rows = await q
    .select({ at: auditEvents.at, actor: auditEvents.actorLabel, action: auditEvents.action, target: auditEvents.targetId, summary: auditEvents.summary })
    .from(auditEvents)
    .where(like(auditEvents.action, "admin.%"))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, actor: r.actor ?? "—" }));
}
