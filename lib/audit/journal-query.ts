import "server-only";
import { journalFiltersSchema, type JournalFilters } from "./journal";

// Issue 13 leftover: /journal?from=2026-02-31 used to drop the impossible date without a word, so the
// reader took an unfiltered journal for a filtered one. The page and the CSV export now read the query
// the same way and say which parameter was ignored, with the value that was found.

/** The journal's query-string parameters, in the order the filter form shows them. */
export const JOURNAL_QUERY_KEYS = ["kind", "actor", "from", "to", "order", "cursor"] as const;
export type JournalQueryKey = (typeof JOURNAL_QUERY_KEYS)[number];

/** Longest part of an ignored value repeated to the reader (the rest is cut with « … »). */
export const IGNORED_VALUE_SHOWN = 40;

/** A query-string parameter whose value could not be used: `name` as in the URL, `value` as found (cut). */
export interface IgnoredParameter {
  name: JournalQueryKey;
  value: string;
}

/**
 * What the journal's URL asks for: the filters that could be read, the parameters that were ignored
 * (present and non-blank but not a valid value: a day that does not exist such as 2026-02-31, an unknown
 * kind, a name over 100 characters or with control characters, an order other than asc/desc, a cursor
 * that is not a positive integer), and whether « Du » is after « Au » (which can match nothing).
 */
export interface JournalQuery {
  filters: JournalFilters;
  ignored: IgnoredParameter[];
  reversed: boolean;
}

function shown(value: string): string {
  const chars = [...value];
  return chars.length > IGNORED_VALUE_SHOWN ? `${chars.slice(0, IGNORED_VALUE_SHOWN).join("")}…` : value;
}

/**
 * Reads the journal's filters from a query string (`get` returns the first value of a key, or
 * undefined). Never throws: an unusable value is left out of the filters and listed in `ignored`.
 * Dates are calendar days (YYYY-MM-DD, Europe/Brussels on screen), checked for existence (Zod's ISO date).
 */
export function readJournalQuery(get: (key: JournalQueryKey) => string | null | undefined): JournalQuery {
  const raw = Object.fromEntries(JOURNAL_QUERY_KEYS.map((key) => [key, get(key) ?? undefined])) as Record<JournalQueryKey, string | undefined>;
  const filters = journalFiltersSchema.parse(Object.fromEntries(JOURNAL_QUERY_KEYS.map((key) => [key, raw[key] || undefined])));
  const ignored: IgnoredParameter[] = [];
  for (const name of JOURNAL_QUERY_KEYS) {
    const value = raw[name];
    if (value === undefined || value.trim() === "") continue;
    const unusable = name === "order" ? value !== "asc" && value !== "desc" : filters[name] === undefined;
    if (unusable) ignored.push({ name, value: shown(value) });
  }
  const reversed = filters.from !== undefined && filters.to !== undefined && filters.from > filters.to;
  return { filters, ignored, reversed };
}
