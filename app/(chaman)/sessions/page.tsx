import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/current";
import { listOpenSessions, sessionPolicy } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { ActionButton } from "../access/action-button";
import { closeOtherSessionsAction, closeSessionAction } from "./actions";

// « Mes sessions » (issue 18): every signed-in user, with or without Chaman access, sees and closes the
// sessions opened with their own account.
export default async function SessionsPage() {
  const actor = await requireActor();
  const t = await getTranslations("sessions");
  const format = await getFormatter();
  const sessions = await listOpenSessions(await getDb(), actor.user.id);
  const others = sessions.filter((s) => s.id !== actor.sessionId);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro", { idle: Math.round(sessionPolicy.idleSeconds / 60), max: Math.round(sessionPolicy.maxSeconds / 3600) })}</p>
      <section className="overflow-x-auto rounded-lg bg-white p-6 shadow">
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
                <td className="p-2">{s.userAgent === "?" ? t("unknownBrowser") : s.userAgent}</td>
                <td className="p-2">{s.ip === "local" ? t("localAddress") : s.ip}</td>
                <td className="p-2">
                  {s.id === actor.sessionId ? (
                    <span className="font-semibold">{t("current")}</span>
                  ) : (
                    <ActionButton
                      action={closeSessionAction}
                      fields={{ sessionId: s.id }}
                      label={t("close")}
                      accessibleName={t("closeOne", { started: when(s.createdAt), browser: s.userAgent })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {others.length > 0 ? (
        <ActionButton
          action={closeOtherSessionsAction}
          fields={{}}
          label={t("closeOthers")}
        />
      ) : (
        <p className="text-sm text-slate-700">{t("noOthers")}</p>
      )}
    </div>
  );
}
