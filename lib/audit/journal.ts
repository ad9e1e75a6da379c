import "server-only";
import { and, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { textField } from "@/lib/validation/text";
import type { ActingContext } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

export const JOURNAL_PAGE_SIZE = 50;

const dateField = z.iso.date().optional().catch(undefined);

/** Filters from the query string; anything malformed is ignored rather than failing the page. */
export const journalFiltersSchema = z.object({
  action: z.string().trim().max(64).regex(/^[a-z0-9.-]*$/).optional().catch(undefined),
  actor: textField({ max: 100, required: false }).optional().catch(undefined),
  from: dateField,
  to: dateField,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type JournalFilters = z.infer<typeof journalFiltersSchema>;

export interface JournalRow {
  id: number;
  at: Date;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: Record<string, unknown> | null;
  ip: string | null;
}

/** Events of the acting sender, and of its enterprise that concern no other quality (e.g. sign-ins). */
function scopeOf(ctx: ActingContext): SQL {
  const enterpriseWide = and(eq(auditEvents.enterpriseId, ctx.enterpriseId), isNull(auditEvents.senderId), or(isNull(auditEvents.qualityId), eq(auditEvents.qualityId, ctx.qualityId)));
  return ctx.senderId ? (or(eq(auditEvents.senderId, ctx.senderId), enterpriseWide) as SQL) : (enterpriseWide as SQL);
}

export async function queryJournal(q: Queryable, ctx: ActingContext, filters: JournalFilters, limit = JOURNAL_PAGE_SIZE): Promise<JournalRow[]> {
  const conditions: SQL[] = [scopeOf(ctx)];
  if (filters.action) conditions.push(ilike(auditEvents.action, `${filters.action}%`));
  if (filters.actor) conditions.push(ilike(auditEvents.actorLabel, `%${filters.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (filters.from) conditions.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lte(auditEvents.at, new Date(`${filters.to}T23:59:59.999Z`)));
  if (filters.before) conditions.push(lt(auditEvents.id, filters.before));
  return q
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      summary: auditEvents.summary,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
