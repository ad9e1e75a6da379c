import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { journalFiltersSchema, JOURNAL_PAGE_SIZE, queryJournal } from "@/lib/audit/journal";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** « Journal »: the audit trail of the acting sender, for its managers (issue 6). */
export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const { ctx } = await requireChamanAccess();
  if (!ctx.canManageRights) forbidden();
  const params = await searchParams;
  const filters = journalFiltersSchema.parse({
    action: first(params.action) || undefined,
    actor: first(params.actor) || undefined,
    from: first(params.from) || undefined,
    to: first(params.to) || undefined,
    before: first(params.before) || undefined,
  });
  const rows = await queryJournal(await getDb(), ctx, filters);
  const t = await getTranslations("journal");
  const format = await getFormatter();
  const query = new URLSearchParams(Object.entries({ action: filters.action, actor: filters.actor, from: filters.from, to: filters.to }).filter((e): e is [string, string] => Boolean(e[1])));
  const last = rows.at(-1);
  const older = rows.length === JOURNAL_PAGE_SIZE && last ? `?${new URLSearchParams([...query, ["before", String(last.id)]])}` : null;
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  return (
    <section aria-labelledby="journal-title" className="space-y-4">
      <h1 id="journal-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-600">{t("intro", { enterprise: ctx.enterpriseName, sender: ctx.senderNumber ?? "-" })}</p>
      <form method="get" className="grid gap-3 rounded-lg bg-white p-4 shadow sm:grid-cols-5" aria-label={t("filters")}>
        <div>
          <label htmlFor="journal-action" className="text-sm font-medium">{t("action")}</label>
          <input id="journal-action" name="action" defaultValue={filters.action} placeholder="account" className={inputClass} />
        </div>
        <div>
          <label htmlFor="journal-actor" className="text-sm font-medium">{t("actor")}</label>
          <input id="journal-actor" name="actor" defaultValue={filters.actor} className={inputClass} />
        </div>
        <div>
          <label htmlFor="journal-from" className="text-sm font-medium">{t("from")}</label>
          <input id="journal-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="journal-to" className="text-sm font-medium">{t("to")}</label>
          <input id="journal-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={primaryButton}>{t("apply")}</button>
          <a href={`/journal/export?${query}`} className={secondaryButton} download>
            {t("export")}
          </a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded bg-white p-4 shadow">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-brand-light">
              <tr>
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("actor")}</th>
                <th scope="col" className="p-2">{t("action")}</th>
                <th scope="col" className="p-2">{t("target")}</th>
                <th scope="col" className="p-2">{t("details")}</th>
                <th scope="col" className="p-2">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap p-2">{format.dateTime(row.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="p-2">{row.actorLabel ?? "-"}</td>
                  <td className="p-2">{label(row.action)}</td>
                  <td className="p-2">{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "-"}</td>
                  <td className="max-w-md break-words p-2 font-mono text-xs">{row.summary ? JSON.stringify(row.summary) : ""}</td>
                  <td className="p-2">{row.ip ?? "-"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older ? (
        <Link href={`/journal${older}`} className="text-brand underline">
          {t("older")}
        </Link>
      ) : null}
    </section>
  );
}
