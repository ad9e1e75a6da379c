import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { demoOutboxEnabled } from "@/lib/notify/demo";
import { listOutbox } from "@/lib/notify/outbox";
import { withElision } from "@/lib/i18n/elision";

// Issue 16: « Courriels envoyés » — demo only (no SMTP_URL): the mails Chaman would have sent to the
// contact persons of the acting enterprise, so trainers can show them. Not found everywhere else.
export default async function OutboxPage() {
  if (!demoOutboxEnabled()) notFound();
  const { ctx } = await requireChamanAccess();
  const mails = await listOutbox(await getDb(), ctx.enterpriseId);
  const t = await getTranslations("notify.outbox");
  const tl = await getTranslations("common.language");
  const format = await getAppFormatter();
  const locales = ["fr", "nl", "en", "de"] as const;
  const language = (code: string) => (locales as readonly string[]).includes(code) ? tl(code as (typeof locales)[number]) : code;
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <h1 id="outbox-title" className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", withElision({ enterprise: ctx.enterpriseName }, "enterprise"))}</p>
      {mails.length === 0 ? (
        <p className="rounded bg-white p-4 shadow">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", withElision({ enterprise: ctx.enterpriseName }, "enterprise"))}</caption>
            <thead className="bg-brand-light">
              <tr>
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("to")}</th>
                <th scope="col" className="p-2">{t("language")}</th>
                <th scope="col" className="p-2">{t("subject")}</th>
                <th scope="col" className="p-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap p-2">{format.dateTime(mail.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="p-2 [overflow-wrap:anywhere]">{mail.recipient}</td>
                  <td className="p-2">{language(mail.locale)}</td>
                  <td className="min-w-48 p-2">
                    <details>
                      <summary className="cursor-pointer">{mail.subject}</summary>
                      <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-slate-800 [overflow-wrap:anywhere]" aria-label={t("show")}>{mail.textBody}</pre>
                    </details>
                  </td>
                  <td className="p-2">{t(`statuses.${mail.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
