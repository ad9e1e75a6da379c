import { JournalChanges } from "@/components/journal-changes";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { journalTimeFormat } from "@/lib/audit/brussels";
import { JOURNAL_PAGE_SIZE } from "@/lib/audit/journal";
import { readJournalQuery } from "@/lib/audit/journal-query";
import { journalEntries } from "@/lib/audit/journal-view";
import { JOURNAL_KINDS } from "@/lib/audit/kinds";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { journalQueryMessages } from "./query-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** « Journal »: the audit trail of the acting sender in sentences, filtered and paged on the server (issues 6, 13). */
export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const { ctx } = await requireChamanAccess();
  if (!ctx.canManageRights) forbidden();
  const params = await searchParams;
  const journalQuery = readJournalQuery((key) => first(params[key]));
  const { filters, reversed } = journalQuery;
  const locale = (await getLocale()) as Locale;
  // Issue 13: « Du » after « Au » can match nothing, and a value that cannot be used is ignored: say so
  // rather than show an empty or silently unfiltered journal.
  const [entries, t, te, said] = await Promise.all([
    reversed ? [] : journalEntries(await getDb(), ctx, locale, filters),
    getTranslations("journal"),
    getTranslations("journal-events"),
    journalQueryMessages(locale, journalQuery),
  ]);
  const time = journalTimeFormat(locale);
  const query = new URLSearchParams(
    Object.entries({ kind: filters.kind, actor: filters.actor, from: filters.from, to: filters.to, order: filters.order === "asc" ? "asc" : undefined }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const last = entries.at(-1);
  const next = entries.length === JOURNAL_PAGE_SIZE && last ? `/journal?${new URLSearchParams([...query, ["cursor", String(last.id)]])}` : null;
  return (
    <section aria-labelledby="journal-title" className="space-y-4">
      <h1 id="journal-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-600">{t("intro", { enterprise: ctx.enterpriseName, sender: ctx.senderNumber ?? "-" })}</p>
      <form method="get" className="grid gap-3 rounded-lg bg-white p-4 shadow sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters")}>
        <div>
          <label htmlFor="journal-kind" className="text-sm font-medium">{te("ui.kind")}</label>
          <select id="journal-kind" name="kind" defaultValue={filters.kind ?? ""} className={inputClass}>
            <option value="">{te("ui.anyKind")}</option>
            {Object.keys(JOURNAL_KINDS).map((kind) => (
              <option key={kind} value={kind}>{te(`kinds.${kind}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="journal-actor" className="text-sm font-medium">{te("ui.person")}</label>
          <input id="journal-actor" name="actor" defaultValue={filters.actor} className={inputClass} />
        </div>
        <div>
          <label htmlFor="journal-from" className="text-sm font-medium">{t("from")}</label>
          <input id="journal-from" name="from" type="date" defaultValue={filters.from} className={inputClass} aria-invalid={reversed || undefined} aria-describedby={reversed ? "journal-range-error" : undefined} />
        </div>
        <div>
          <label htmlFor="journal-to" className="text-sm font-medium">{t("to")}</label>
          <input id="journal-to" name="to" type="date" defaultValue={filters.to} className={inputClass} aria-invalid={reversed || undefined} aria-describedby={reversed ? "journal-range-error" : undefined} />
        </div>
        <div>
          <label htmlFor="journal-order" className="text-sm font-medium">{te("ui.order")}</label>
          <select id="journal-order" name="order" defaultValue={filters.order} className={inputClass}>
            <option value="desc">{te("ui.newest")}</option>
            <option value="asc">{te("ui.oldest")}</option>
          </select>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={primaryButton}>{t("apply")}</button>
          {reversed ? (
            // The export would refuse this range (HTTP 400): offered again once the dates are put right.
            <button type="button" className={secondaryButton} disabled aria-describedby="journal-range-error">
              {t("export")}
            </button>
          ) : (
            <a href={`/journal/export?${query}`} className={secondaryButton} download>
              {t("export")}
            </a>
          )}
        </div>
      </form>
      {said.ignored.length > 0 ? (
        <ul id="journal-ignored" role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900">
          {said.ignored.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : null}
      {said.reversed ? (
        <p id="journal-range-error" role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-800">
          {said.reversed}
        </p>
      ) : entries.length === 0 ? (
        <p className="rounded bg-white p-4 shadow">{t("empty")}</p>
      ) : (
        <div role="region" aria-label={t("title")} tabIndex={0} className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-brand-light">
              <tr>
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{te("ui.event")}</th>
                <th scope="col" className="p-2">{te("ui.changes")}</th>
                <th scope="col" className="p-2">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap p-2">
                    <time dateTime={entry.at.toISOString()}>{time.format(entry.at)}</time>
                  </td>
                  <td className="p-2">{entry.sentence}</td>
                  <td className="max-w-md break-words p-2">
                    {entry.redacted ? (
                      <span className="text-slate-600">{te("ui.hidden")}</span>
                    ) : (
                      <JournalChanges changes={entry.changes} />
                    )}
                  </td>
                  <td className="p-2">{entry.ip ?? "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={te("ui.page")} className="flex gap-4">
        {filters.cursor ? (
          <Link href={`/journal?${query}`} className="text-brand underline">
            {te("ui.first")}
          </Link>
        ) : null}
        {next ? (
          <Link href={next} className="text-brand underline">
            {te("ui.next")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
