import "server-only";
import { getTranslations } from "next-intl/server";
import type { JournalQuery, JournalQueryKey } from "@/lib/audit/journal-query";
import { AppDateTimeFormat } from "@/lib/i18n/first-of-month";
import { formattingLocale } from "@/lib/i18n/formatting-locale";
import type { Locale } from "@/lib/i18n/locales";

/** What the journal page and its CSV export say about the query (issue 13), in the reader's language. */
export interface JournalQueryMessages {
  /** One sentence per ignored parameter, for the page (« … il a été ignoré »). */
  ignored: string[];
  /** « Du » after « Au », for the page; null otherwise. */
  reversed: string | null;
  /** Why the CSV export refuses this query (every problem, one per line); null when it may run. */
  exportRefusal: string | null;
}

/** The sentences of `query`'s problems: parameters named as in the URL and as labelled on the form. */
export async function journalQueryMessages(locale: Locale, query: JournalQuery): Promise<JournalQueryMessages> {
  const [t, tj, te] = await Promise.all([
    getTranslations({ locale, namespace: "journal-query" }),
    getTranslations({ locale, namespace: "journal" }),
    getTranslations({ locale, namespace: "journal-events" }),
  ]);
  const labels: Record<JournalQueryKey, string> = {
    kind: te("ui.kind"),
    actor: te("ui.person"),
    from: tj("from"),
    to: tj("to"),
    order: te("ui.order"),
    cursor: te("ui.page"),
  };
  const problems = query.ignored.map(({ name, value }) => t("problem", { name, label: labels[name], value }));
  const { from, to } = query.filters;
  const day = new AppDateTimeFormat(formattingLocale(locale), { dateStyle: "long", timeZone: "UTC" });
  const reversed = query.reversed && from && to ? te("ui.reversedRange", { from: day.format(new Date(`${from}T12:00:00Z`)), to: day.format(new Date(`${to}T12:00:00Z`)) }) : null;
  const refusals = [
    ...problems.map((problem) => t("exportIgnored", { problem, journal: tj("title") })),
    ...(reversed ? [t("exportReversed", { reason: reversed })] : []),
  ];
  return {
    ignored: problems.map((problem) => t("ignored", { problem })),
    reversed,
    exportRefusal: refusals.length > 0 ? refusals.join("\n") : null,
  };
}
