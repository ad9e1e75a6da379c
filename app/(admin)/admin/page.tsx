import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { inputClass, secondaryButton } from "@/components/ui/buttons";
import { listPlatformAdmins } from "@/lib/admin/admins";
import { readDemoClock } from "@/lib/admin/clock";
import { demoControlsEnabled } from "@/lib/admin/demo";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { ActionButton } from "../../(chaman)/access/action-button";
import { grantAdminAction, resetDemoAction, revokeAdminAction, setDemoClockAction } from "./actions";
import { demoDateRange } from "@/lib/rules/demo-date";
import { AdminFieldError, AdminForm } from "./admin-form";
import { AdminJournal } from "./admin-journal";

// « Administration » (issue 17): administrators, trainer controls and the journal of administrative changes.
export default async function AdminPage() {
  const { db, admin } = await requirePlatformAdmin();
  const t = await getTranslations("admin");
  const tc = await getTranslations("admin-changes");
  const format = await getAppFormatter();
  const [admins, clock] = await Promise.all([listPlatformAdmins(db), readDemoClock(db)]);
  const card = "rounded-lg bg-white p-6 shadow space-y-3";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const tRange = await getTranslations("demo-clock");
  // The demonstration date's bounds, around the real today (lib/rules/demo-date.ts).
  const range = demoDateRange(new Date());
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long" });
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
            <li key={a.username}>
              <div className="flex flex-wrap items-center gap-2">
                <span>
                  {t("admins.item", { name: a.name, username: a.username, since: when(a.grantedAt) })}
                  {a.userId === admin.userId ? ` ${tc("admins.you")}` : ""}
                </span>
                <ActionButton
                  action={revokeAdminAction}
                  fields={a.userId === admin.userId ? { who: a.username, confirmSelf: "yes" } : { who: a.username }}
                  label={tc("admins.revoke")}
                  className={`${secondaryButton} self-start`}
                  accessibleName={tc("admins.revokeOne", { name: a.name })}
                  disabledReason={admins.length <= 1 ? tc("admins.lastAdminNote") : undefined}
                  confirm={
                    a.userId === admin.userId
                      ? { title: tc("admins.revokeSelfTitle"), body: tc("admins.revokeSelfBody"), confirmLabel: tc("admins.revokeSelfConfirm") }
                      : { title: tc("admins.revokeTitle"), body: tc("admins.revokeBody", { name: a.name }), confirmLabel: tc("admins.revokeConfirm") }
                  }
                  done={tc("admins.revoked", { who: a.username })}
                />
              </div>
            </li>
          ))}
        </ul>
        <AdminForm action={grantAdminAction} submit={t("admins.grant")} resetOnSuccess>
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
            <label className="block" htmlFor="demo-date">
              <span className="font-semibold">{t("clock.label")}</span>
              <input id="demo-date" type="date" name="date" min={range.min} max={range.max} className={inputClass} defaultValue={clock ? clock.demoDate.toISOString().slice(0, 10) : ""} aria-describedby="clock-help clock-range" />
            </label>
            <p id="clock-help" className="text-sm text-slate-600">{t("clock.help")}</p>
            <p id="clock-range" className="text-sm text-slate-600">{tRange("range", { min: day(range.min), max: day(range.max) })}</p>
            <AdminFieldError field="date" inputId="demo-date" />
          </AdminForm>
          <div className="space-y-2">
            <p id="reset-help" className="text-sm text-slate-600">{t("trainer.resetHelp")}</p>
            <ActionButton
              action={resetDemoAction}
              fields={{}}
              label={t("trainer.reset")}
              confirm={{ title: tc("trainer.resetTitle"), body: tc("trainer.resetBody"), confirmLabel: t("trainer.reset") }}
            />
          </div>
        </section>
      ) : null}

      <AdminJournal db={db} />
    </div>
  );
}
