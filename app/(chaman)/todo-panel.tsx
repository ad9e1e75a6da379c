import { requestNow } from "@/lib/admin/request-clock";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import type { Queryable } from "@/lib/db/client";
import { todoFor } from "@/lib/notify/todo";
import type { ServiceActor } from "@/lib/services/result";
import { withElision } from "@/lib/i18n/elision";

// Issue 16: « À faire » on the home page — what waits for this user, each with a link to where it is done.
export async function TodoPanel({ db, actor }: { db: Queryable; actor: ServiceActor }) {
  const [t, tIssuer] = await Promise.all([getTranslations("notify.todo"), getTranslations("todo-issuer")]);
  const format = await getAppFormatter();
  const todo = await todoFor(db, actor, await requestNow());
  const empty = todo.decisions.length + todo.expiring.length + todo.expired.length + todo.untrusted.length === 0;
  const link = "font-semibold text-brand underline hover:no-underline";
  return (
    <section aria-labelledby="todo-title" className="rounded-lg border-l-4 border-amber-400 bg-white p-6 shadow">
      <h2 id="todo-title" className="text-xl font-semibold">{t("title")}</h2>
      {empty ? <p className="mt-2 text-slate-700">{t("empty")}</p> : null}
      {todo.decisions.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">{t("decisions")}</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.decisions.map((d) => (
              <li key={d.id}>
                <Link href="/delegations" className={link}>{t("decide", withElision({ name: d.counterpartName, number: d.counterpartNumber }, "name"))}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {todo.expiring.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">{t("expiring")}</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.expiring.map((c) => (
              <li key={`${c.accountId}-${c.certificateName}-${c.notAfter.getTime()}`}>
                {t("expiringItem", { certificate: c.certificateName, type: c.accountType, account: c.accountName, date: format.dateTime(c.notAfter, { dateStyle: "long" }), days: c.daysLeft })}{" "}
                <Link href={c.href} className={link} aria-label={`${t("open")} ${c.accountName}`}>{t("open")}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {todo.expired.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">{t("expired")}</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.expired.map((a) => (
              <li key={a.accountId}>
                {t("expiredItem", { type: a.accountType, account: a.accountName })}{" "}
                <Link href={a.href} className={link} aria-label={`${t("open")} ${a.accountName}`}>{t("open")}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {todo.untrusted.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">{tIssuer("title")}</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.untrusted.map((a) => (
              <li key={a.accountId}>
                {tIssuer("item", { type: a.accountType, account: a.accountName })}{" "}
                <Link href={a.href} className={link} aria-label={`${t("open")} ${a.accountName}`}>{t("open")}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
