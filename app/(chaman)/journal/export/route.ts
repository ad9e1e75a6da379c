import { getLocale, getTranslations } from "next-intl/server";
import { journalTimeFormat } from "@/lib/audit/brussels";
import { toCsv } from "@/lib/audit/csv";
import { readJournalQuery } from "@/lib/audit/journal-query";
import { journalEntries } from "@/lib/audit/journal-view";
import { kindOfAction } from "@/lib/audit/kinds";
import { getActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { journalQueryMessages } from "../query-messages";

export const dynamic = "force-dynamic";

const MAX_ROWS = 10_000;

/**
 * CSV export of the journal with the page's filters (managers only; at most 10,000 rows): the same
 * sentences and changes as on screen, headers in the reader's language, times in Europe/Brussels.
 * A query the page would explain instead of answering (a value it ignores, « Du » after « Au ») gets
 * HTTP 400 with that explanation as plain text in the reader's language, never an empty or unfiltered file.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const ctx = actor.current;
  if (!ctx?.chamanAccess || !ctx.canManageRights) return new Response("Forbidden", { status: 403 });
  const params = new URL(request.url).searchParams;
  // The export has no pages: a cursor is not read.
  const query = readJournalQuery((key) => (key === "cursor" ? undefined : params.get(key)));
  const locale = (await getLocale()) as Locale;
  const { exportRefusal } = await journalQueryMessages(locale, query);
  if (exportRefusal !== null) {
    return new Response(`${exportRefusal}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" },
    });
  }
  const { filters } = query;
  const [entries, t] = await Promise.all([journalEntries(await getDb(), ctx, locale, filters, MAX_ROWS), getTranslations({ locale, namespace: "journal-events" })]);
  const time = journalTimeFormat(locale);
  const csv = toCsv(
    [t("csv.when"), t("csv.person"), t("csv.kind"), t("csv.event"), t("csv.changes"), t("csv.ip")],
    entries.map((e) => {
      const kind = kindOfAction(e.action);
      const changes = e.redacted ? t("ui.hidden") : e.changes.map((c) => `${c.label}: ${[c.before, c.after].filter((v) => v !== undefined).join(" → ")}`).join("\n");
      return [time.format(e.at), e.actorLabel, kind ? t(`kinds.${kind}`) : e.action, e.sentence, changes, e.ip];
    }),
  );
  const name = `journal-${ctx.senderNumber ?? ctx.enterpriseNumber}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
