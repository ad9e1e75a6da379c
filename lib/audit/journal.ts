import "server-only";
import { and, asc, desc, eq, gt, gte, ilike, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { textField } from "@/lib/validation/text";
import type { ActingContext } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { brusselsDayEnd, brusselsDayStart } from "./brussels";
import { JOURNAL_KINDS, type JournalKind } from "./kinds";

export const JOURNAL_PAGE_SIZE = 50;

const dateField = z.iso.date().optional().catch(undefined);

/** Filters from the query string; anything malformed is ignored rather than failing the page. */
export const journalFiltersSchema = z.object({
  kind: z.enum(Object.keys(JOURNAL_KINDS) as [JournalKind, ...JournalKind[]]).optional().catch(undefined),
  actor: textField({ max: 100, required: false }).optional().catch(undefined),
  /** Calendar days in Europe/Brussels, as the reader sees them on screen. */
  from: dateField,
  to: dateField,
  order: z.enum(["desc", "asc"]).default("desc").catch("desc"),
  /** Keyset paging: continue after this event id in the chosen order. */
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
});
export type JournalFilters = z.infer<typeof journalFiltersSchema>;
export type JournalFilterInput = z.input<typeof journalFiltersSchema>;

export interface JournalRow {
  id: number;
  at: Date;
  /** Who acted, as the journal names them: for sign-ins and sessions the person's first and last name when known. */
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  /** Before/after as this reader may see it; null when hidden from this reader (SPEC §5). */
  summary: Record<string, unknown> | null;
  /** True when SPEC §5 hides the details of this event from this reader. */
  redacted: boolean;
  ip: string | null;
}

/**
 * The three ways an event reaches a reader's journal, each served by its own (scope, id) index:
 * events of the acting sender; events of its enterprise that concern no other quality (sign-ins,
 * roles…); and, for a technical intermediary, the events of delegations to it (SPEC §5).
 */
function scopesOf(ctx: ActingContext): SQL[] {
  const enterpriseWide = and(eq(auditEvents.enterpriseId, ctx.enterpriseId), isNull(auditEvents.senderId), or(isNull(auditEvents.qualityId), eq(auditEvents.qualityId, ctx.qualityId)))!;
  // Overlaps between scopes are removed when the pages are merged (by id).
  const party = eq(auditEvents.partyEnterpriseId, ctx.enterpriseId);
  return [...(ctx.senderId ? [eq(auditEvents.senderId, ctx.senderId)] : []), enterpriseWide, party];
}

/** The acting person's name (sign-ins and sessions record the username; issue 13 names the person). */
const personName = sql<string | null>`(${users.firstName} || ' ' || ${users.lastName})`;

function filterConditions(filters: JournalFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(or(...JOURNAL_KINDS[filters.kind].map((prefix) => ilike(auditEvents.action, `${prefix}%`)))!);
  if (filters.actor) {
    const pattern = `%${filters.actor.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(auditEvents.actorLabel, pattern), ilike(personName, pattern))!);
  }
  if (filters.from) conditions.push(gte(auditEvents.at, brusselsDayStart(filters.from)));
  if (filters.to) conditions.push(lte(auditEvents.at, brusselsDayEnd(filters.to)));
  if (filters.cursor) conditions.push(filters.order === "asc" ? gt(auditEvents.id, filters.cursor) : lt(auditEvents.id, filters.cursor));
  return conditions;
}

/**
 * SPEC §5: the enterprise does not see the certificates of its delegated account. A certificate event
 * recorded by another enterprise (the intermediary) reads as a sentence without name, serial or
 * fingerprint; an event that reaches the intermediary through the delegation hides the other side's IP.
 */
function asSeenBy(ctx: ActingContext, row: Omit<JournalRow, "redacted"> & { enterpriseId: string | null; partyEnterpriseId: string | null; personName: string | null }): JournalRow {
  const { enterpriseId, partyEnterpriseId, personName: person, ...visible } = row;
  // Sign-ins, sign-outs and sessions were journaled under the username; a failed sign-in has no person.
  if (person && row.action.startsWith("auth.")) visible.actorLabel = person;
  const foreign = enterpriseId !== null && enterpriseId !== ctx.enterpriseId;
  // The certificates removed at the end of a delegation are always the intermediary's (issue 19), filed
  // under the enterprise: only the intermediary (the event's party) reads which they were.
  const redacted = row.action === "certificate.remove-delegated" ? partyEnterpriseId !== ctx.enterpriseId : foreign && row.action.startsWith("certificate.");
  return { ...visible, summary: redacted ? null : visible.summary, ip: foreign ? null : visible.ip, redacted };
}

/**
 * One page of the reader's journal, newest first (or oldest first with `order: "asc"`), filtered by
 * kind of action, person (part of the name, case-insensitive, wildcards literal) and Brussels days.
 * Each scope is read through its index and the pages are merged, so the cost is O(limit) per scope
 * whatever the size of the table (the benchmark holds 500,000 events).
 */
export async function queryJournal(q: Queryable, ctx: ActingContext, filters: JournalFilterInput, limit = JOURNAL_PAGE_SIZE): Promise<JournalRow[]> {
  const parsed = journalFiltersSchema.parse(filters);
  const conditions = filterConditions(parsed);
  const order = parsed.order === "asc" ? asc(auditEvents.id) : desc(auditEvents.id);
  const pages = await Promise.all(
    scopesOf(ctx).map((scope) =>
      q
        .select({
          id: auditEvents.id,
          at: auditEvents.at,
          actorLabel: auditEvents.actorLabel,
          action: auditEvents.action,
          targetType: auditEvents.targetType,
          targetId: auditEvents.targetId,
          targetLabel: auditEvents.targetLabel,
          summary: auditEvents.summary,
          ip: auditEvents.ip,
          enterpriseId: auditEvents.enterpriseId,
          partyEnterpriseId: auditEvents.partyEnterpriseId,
          personName,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(and(scope, ...conditions))
        .orderBy(order)
        .limit(limit),
    ),
  );
  const byId = new Map(pages.flat().map((row) => [row.id, row]));
  const sorted = [...byId.values()].sort((a, b) => (parsed.order === "asc" ? a.id - b.id : b.id - a.id));
  return sorted.slice(0, limit).map((row) => asSeenBy(ctx, row));
}
