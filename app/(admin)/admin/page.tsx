import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { inputClass } from "@/components/ui/buttons";
import { listPlatformAdmins } from "@/lib/admin/admins";
import { readDemoClock } from "@/lib/admin/clock";
import { demoControlsEnabled } from "@/lib/admin/demo";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { listAdminJournal } from "@/lib/admin/journal";
import { grantAdminAction, resetDemoAction, setDemoClockAction } from "./actions";
import { AdminForm } from "./admin-form";

// « Administration » (issue 17): administrators, trainer controls and the journal of administrative changes.
export default async function AdminPage() {
  const { db } = await requirePlatformAdmin();
  const t = await getTranslations("admin");
  const format = await getAppFormatter();
  const [admins, journal, clock] = await Promise.all([listPlatformAdmins(db), listAdminJournal(db), readDemoClock(db)]);
  const card = "rounded-lg bg-white p-6 shadow space-y-3";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const describe = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <nav aria-label={t("sections")}>
        <ul className="flex gap-4">
          <li><Link className="text-brand underline" href="/admin/trust-store">{t("trust.title")}</Link></li>
          <li><Link className="text-brand underline" href="/admin/catalogue">{t("catalogue.title")}</Link></li>
        </ul>
      </nav>

      <section aria-labelledby="admins-title" className={card}>
        <h2 id="admins-title" className="text-lg font-semibold">{t("admins.title")}</h2>
        <ul className="list-disc pl-6">
          {admins.map((a) => (
            <li key={a.username}>{t("admins.item", { name: a.name, username: a.username, since: when(a.grantedAt) })}</li>
          ))}
        </ul>
        <AdminForm action={grantAdminAction} submit={t("admins.grant")}>
          <label className="block">
            <span className="font-semibold">{t("admins.who")}</span>
            <input name="who" required maxLength={64} className={inputClass} autoComplete="off" />
          </label>
        </AdminForm>
      </section>

      {demoControlsEnabled() ? (
        <section aria-labelledby="trainer-title" className={card}>
          <h2 id="trainer-title" className="text-lg font-semibold">{t("trainer.title")}</h2>
          <AdminForm action={setDemoClockAction} submit={t("clock.submit")}>
            <label className="block">
              <span className="font-semibold">{t("clock.label")}</span>
              <input type="date" name="date" className={inputClass} defaultValue={clock ? clock.demoDate.toISOString().slice(0, 10) : ""} aria-describedby="clock-help" />
            </label>
            <p id="clock-help" className="text-sm text-slate-600">{t("clock.help")}</p>
          </AdminForm>
          <AdminForm action={resetDemoAction} submit={t("trainer.reset")}>
            <p className="text-sm text-slate-600">{t("trainer.resetHelp")}</p>
          </AdminForm>
        </section>
      ) : null}

      <section aria-labelledby="journal-title" tabIndex={0} className={`${card} overflow-x-auto`}>
        <h2 id="journal-title" className="text-lg font-semibold">{t("journal.title")}</h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">{t("journal.at")}</th>
              <th scope="col" className="p-2">{t("journal.actor")}</th>
              <th scope="col" className="p-2">{t("journal.action")}</th>
              <th scope="col" className="p-2">{t("journal.before")}</th>
              <th scope="col" className="p-2">{t("journal.after")}</th>
            </tr>
          </thead>
          <tbody>
            {journal.map((e, i) => (
              <tr key={i} className="border-b last:border-0 align-top">
                <td className="whitespace-nowrap p-2">{when(e.at)}</td>
                <td className="p-2">{e.actor}</td>
                <td className="p-2">{t.has(`journal.actions.${e.action}`) ? t(`journal.actions.${e.action}`) : e.action}</td>
                <td className="break-all p-2 font-mono text-xs">{describe(e.summary?.before)}</td>
                <td className="break-all p-2 font-mono text-xs">{describe(e.summary?.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
