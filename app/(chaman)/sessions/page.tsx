import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { signOutAction } from "@/components/session-actions";
import { secondaryButton } from "@/components/ui/buttons";
import { requireActor } from "@/lib/auth/current";
import { exactDuration } from "@/lib/auth/session-policy";
import { listOpenSessions, sessionPolicy, type OpenSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { closeOtherSessionsAction, closeSessionAction } from "./actions";
import { CloseOthersButton, CloseSessionButton, SessionsAnnouncer } from "./session-buttons";

// « Mes sessions » (issue 18): every signed-in user, with or without Chaman access, sees and closes the
// sessions opened with their own account. A table from the md breakpoint, stacked cards below it, so
// nothing scrolls sideways on a phone (QA 18-4); the current session can be closed too (= signing out).
export default async function SessionsPage() {
  const actor = await requireActor();
  const t = await getTranslations("sessions");
  const format = await getAppFormatter();
  const sessions = await listOpenSessions(await getDb(), actor.user.id);
  const others = sessions.filter((s) => s.id !== actor.sessionId);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const browser = (s: OpenSession) => (s.userAgent === "?" ? t("unknownBrowser") : s.userAgent);
  const address = (s: OpenSession) => (s.ip === "local" ? t("localAddress") : s.ip);
  const duration = (seconds: number) => t("duration", { ...exactDuration(seconds) });
  const action = (s: OpenSession) =>
    s.id === actor.sessionId ? (
      <form action={signOutAction}>
        <button type="submit" className={secondaryButton} aria-label={t("closeCurrent")}>
          {t("close")}
        </button>
      </form>
    ) : (
      <CloseSessionButton action={closeSessionAction} sessionId={s.id} accessibleName={t("closeOne", { started: when(s.createdAt), browser: browser(s) })} />
    );
  const current = (s: OpenSession) => (s.id === actor.sessionId ? <span className="font-semibold">{t("current")}</span> : null);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro", { idle: duration(sessionPolicy.idleSeconds), max: duration(sessionPolicy.maxSeconds) })}</p>
      <SessionsAnnouncer>
        {/* `relative`: the visually hidden header label stays inside the scroll area (QA 18-4). */}
        <section className="relative hidden overflow-x-auto rounded-lg bg-white p-6 shadow md:block">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="p-2">{t("started")}</th>
                <th scope="col" className="p-2">{t("lastSeen")}</th>
                <th scope="col" className="p-2">{t("browser")}</th>
                <th scope="col" className="p-2">{t("address")}</th>
                <th scope="col" className="p-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className="border-b last:border-0">
                  <td className="whitespace-nowrap p-2">{when(s.createdAt)}</td>
                  <td className="whitespace-nowrap p-2">{when(s.lastSeenAt)}</td>
                  <td className="p-2">{browser(s)}</td>
                  <td className="break-all p-2">{address(s)}</td>
                  <td className="p-2">
                    <div className="flex flex-wrap items-center gap-2">
                      {current(s)}
                      {action(s)}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <ul aria-label={t("caption")} className="space-y-3 md:hidden">
          {sessions.map((s) => (
            <li key={s.id} className="rounded-lg bg-white p-4 shadow">
              {current(s)}
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-700">{t("started")}</dt>
                <dd>{when(s.createdAt)}</dd>
                <dt className="text-slate-700">{t("lastSeen")}</dt>
                <dd>{when(s.lastSeenAt)}</dd>
                <dt className="text-slate-700">{t("browser")}</dt>
                <dd className="break-words">{browser(s)}</dd>
                <dt className="text-slate-700">{t("address")}</dt>
                <dd className="break-all">{address(s)}</dd>
              </dl>
              {action(s)}
            </li>
          ))}
        </ul>
        {others.length > 0 ? <CloseOthersButton action={closeOtherSessionsAction} /> : <p className="text-sm text-slate-700">{t("noOthers")}</p>}
      </SessionsAnnouncer>
    </div>
  );
}
