import { JournalChanges } from "@/components/journal-changes";
import { getLocale, getTranslations } from "next-intl/server";
import { journalTimeFormat, JOURNAL_TIME_ZONE } from "@/lib/audit/brussels";
import type { Translator } from "@/lib/audit/render";
import { listQualities } from "@/lib/admin/catalogue-codes";
import type { Db } from "@/lib/db/client";
import { listAdminJournal } from "@/lib/admin/journal";
import { renderAdminEvent } from "@/lib/admin/journal-render";
import { AppDateTimeFormat } from "@/lib/i18n/first-of-month";

/**
 * « Journal de l'administration » (issue 17): each change as a sentence with its labelled values before →
 * after, laid out like the regular journal (app/(chaman)/journal); times in Europe/Brussels like it.
 */
export async function AdminJournal({ db }: { db: Db }) {
  const locale = await getLocale();
  const [entries, qualities, t, tj] = await Promise.all([listAdminJournal(db), listQualities(db), getTranslations("admin.journal"), getTranslations("admin-changes.journal")]);
  const time = journalTimeFormat(locale);
  const dayFormat = new AppDateTimeFormat(`${locale}-BE`, { timeZone: JOURNAL_TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
  const column = ({ fr: "nameFr", nl: "nameNl", en: "nameEn", de: "nameDe" } as const)[locale as "fr"] ?? "nameFr";
  const context = {
    t: tj as unknown as Translator,
    qualityName: (code: string) => qualities.find((q) => q.code === code)?.[column],
    day: (iso: string) => dayFormat.format(new Date(iso)),
  };
  return (
    <section aria-labelledby="journal-title" tabIndex={0} className="space-y-3 overflow-x-auto rounded-lg bg-white p-6 shadow">
      <h2 id="journal-title" className="text-lg font-semibold">{t("title")}</h2>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="p-2">{t("at")}</th>
            <th scope="col" className="p-2">{tj("event")}</th>
            <th scope="col" className="p-2">{tj("changes")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => {
            const rendered = renderAdminEvent(entry, context);
            return (
              <tr key={i} className="border-b align-top last:border-0">
                <td className="whitespace-nowrap p-2">
                  <time dateTime={entry.at.toISOString()}>{time.format(entry.at)}</time>
                </td>
                <td className="p-2">{rendered.sentence}</td>
                <td className="max-w-md break-words p-2">
                  <JournalChanges changes={rendered.changes} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
