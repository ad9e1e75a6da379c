import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActingContext } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { permissions, qualities } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { queryJournal, type JournalFilterInput, type JournalRow } from "./journal";
import { renderEvent, type CatalogueNames, type RenderedEvent, type Translator } from "./render";

export type JournalEntry = Omit<JournalRow, "summary"> & RenderedEvent;

const nameColumn = { fr: "nameFr", nl: "nameNl", en: "nameEn", de: "nameDe" } as const;

/**
 * The reader's journal page, each event rendered as a sentence with its changes in `locale`
 * (issue 13); used by the page and the CSV export so both say the same thing.
 */
export async function journalEntries(q: Queryable, ctx: ActingContext, locale: Locale, filters: JournalFilterInput, limit?: number): Promise<JournalEntry[]> {
  const column = nameColumn[locale];
  const [rows, qualityNames, permissionNames, t, roles] = await Promise.all([
    queryJournal(q, ctx, filters, limit),
    q.select({ code: qualities.code, name: qualities[column] }).from(qualities),
    // The catalogue is small (tens of rows) and editable: read per page rather than cached.
    q.select({ code: permissions.code, name: permissions[column] }).from(permissions),
    getTranslations({ locale, namespace: "journal-events" }),
    getTranslations({ locale, namespace: "common.roles" }),
  ]);
  const quality = new Map(qualityNames.map((n) => [n.code, n.name]));
  const permission = new Map(permissionNames.map((n) => [n.code, n.name]));
  const names: CatalogueNames = { quality: (code) => quality.get(code), permission: (code) => permission.get(code) };
  return rows.map(({ summary, ...row }) => ({
    ...row,
    ...renderEvent({ ...row, summary }, t as unknown as Translator, roles as unknown as Translator, names),
  }));
}
