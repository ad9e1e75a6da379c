import "server-only";
import { and, asc, eq, ilike, ne } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { enterprises } from "@/lib/db/schema";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";

/** How many intermediaries the suggestion list offers at most (a list, not a directory dump). */
export const INTERMEDIARY_SUGGESTIONS_MAX = 200;

/**
 * The technical intermediaries an enterprise may delegate to (SPEC §5), for the suggestions of
 * « Numéro d'entreprise de l'intermédiaire technique » (issue 13: find one by name as well as by
 * number). `label` is « Name (0123.456.749) », the text the field receives when one is picked.
 */
export async function technicalIntermediaries(q: Queryable, exceptEnterpriseId: string): Promise<Array<{ label: string }>> {
  const rows = await q
    .select({ name: enterprises.name, number: enterprises.number })
    .from(enterprises)
    .where(and(eq(enterprises.isTechnicalIntermediary, true), ne(enterprises.id, exceptEnterpriseId)))
    .orderBy(asc(enterprises.name))
    .limit(INTERMEDIARY_SUGGESTIONS_MAX);
  return rows.map((r) => ({ label: `${r.name} (${formatEnterpriseNumber(r.number)})` }));
}

export type IntermediaryLookup =
  | { kind: "number"; number: string }
  | { kind: "unknown-name"; name: string }
  | { kind: "ambiguous-name"; name: string; matches: string };

/** Escapes LIKE's wildcards so a typed « % » or « _ » is matched literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What the user typed in the intermediary field, as an enterprise number to check:
 * - a picked suggestion « Name (0456.789.034) » → the number in brackets;
 * - text with a digit → taken as a number as typed (the request service checks it, SPEC §1);
 * - a name → the one technical intermediary whose name contains it (case-insensitive), else
 *   `unknown-name`, or `ambiguous-name` with the matching names when several do.
 */
export async function lookUpIntermediary(q: Queryable, typed: string, exceptEnterpriseId: string): Promise<IntermediaryLookup> {
  const text = typed.trim();
  const picked = /\(([\d.\s]+)\)\s*$/.exec(text);
  if (picked?.[1]) return { kind: "number", number: picked[1] };
  if (text === "" || /\d/.test(text)) return { kind: "number", number: text };
  const rows = await q
    .select({ name: enterprises.name, number: enterprises.number })
    .from(enterprises)
    .where(and(eq(enterprises.isTechnicalIntermediary, true), ne(enterprises.id, exceptEnterpriseId), ilike(enterprises.name, `%${likeLiteral(text)}%`)))
    .orderBy(asc(enterprises.name))
    .limit(6);
  const [only, second] = rows;
  if (!only) return { kind: "unknown-name", name: text };
  // An exact name wins over longer names that merely contain it.
  const exact = rows.find((r) => r.name.toLowerCase() === text.toLowerCase());
  if (!second || exact) return { kind: "number", number: (exact ?? only).number };
  return { kind: "ambiguous-name", name: text, matches: rows.slice(0, 5).map((r) => `${r.name} (${formatEnterpriseNumber(r.number)})`).join(", ") };
}
