import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { findManagers } from "@/lib/auth/managers";
import { getDb } from "@/lib/db/client";

/** « Erreur 403 - Accès interdit » with the guidance of seed 004's FAQ, naming who to contact. */
export default async function Forbidden() {
  const t = await getTranslations("common");
  const locale = (await getLocale()) as "fr" | "nl" | "en" | "de";
  const actor = await getActor();
  const ctx = actor?.current ?? null;
  const managers = ctx ? await findManagers(await getDb(), ctx.enterpriseId, ctx.qualityId) : [];
  return (
    <section aria-labelledby="forbidden-title" className="rounded-lg bg-white p-8 shadow">
      <h1 id="forbidden-title" className="mb-4 text-2xl font-semibold text-red-800">
        {t("forbidden.title")}
      </h1>
      <p className="mb-2">{t("forbidden.greeting")}</p>
      <p className="mb-4">{t("forbidden.body")}</p>
      <p className="mb-4">{t("forbidden.guidance")}</p>
      {ctx ? (
        managers.length > 0 ? (
          <div className="mb-4">
            <p className="font-medium">
              {t("forbidden.contactsFor", { enterprise: ctx.enterpriseName, quality: ctx.qualityName[locale] })}
            </p>
            <ul className="mt-2 list-disc pl-6" aria-label={t("nav.managers")}>
              {managers.map((m) => (
                <li key={`${m.role}-${m.name}`}>
                  {m.name} – {t(`roles.${m.role}`)}
                  {m.email ? (
                    <>
                      {" "}
                      (<a className="text-brand underline" href={`mailto:${m.email}`}>{m.email}</a>)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="mb-4">{t("forbidden.noContacts")}</p>
        )
      ) : null}
      <p className="text-sm text-slate-600">{t("forbidden.gap")}</p>
    </section>
  );
}
