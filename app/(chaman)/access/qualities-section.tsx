import { getLocale, getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { listQualities } from "@/lib/access/qualities";
import { listEntityManagers } from "@/lib/access/roles";
import type { ServiceActor } from "@/lib/access/service";
import type { LocalizedName } from "@/lib/auth/contexts";
import { getDb } from "@/lib/db/client";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { RemoveCoManagerButton } from "./remove-co-manager-button";
import { ActivateQualityForm } from "./activate-quality-form";
import { CoManagerForm } from "./co-manager-form";

/** Entity level (responsable d'accès entité): qualities of the enterprise and co-responsables. */
export async function QualitiesSection({ actor }: { actor: ServiceActor }) {
  const t = await getTranslations("access");
  const tRoles = await getTranslations("common.roles");
  const format = await getAppFormatter();
  const locale = (await getLocale()) as keyof LocalizedName;
  const db = await getDb();
  const [qualities, entity] = await Promise.all([listQualities(db, actor), listEntityManagers(db, actor)]);
  if (!qualities.ok || !entity.ok) return null;
  const { active, available } = qualities.overview;
  return (
    <section aria-labelledby="qualities-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="qualities-title" className="text-xl font-semibold">
        {t("qualities.title", { enterprise: actor.ctx.enterpriseName, number: formatEnterpriseNumber(actor.ctx.enterpriseNumber) })}
      </h2>
      <div role="region" aria-label={t("qualities.caption")} tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("qualities.caption")}</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-2">{t("qualities.quality")}</th>
            <th scope="col">{t("qualities.senderNumber")}</th>
            <th scope="col">{t("qualities.email")}</th>
            <th scope="col">{t("qualities.localManagers")}</th>
            <th scope="col">{t("qualities.activatedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((q) => (
            <tr key={q.qualityId} className="border-b last:border-0">
              <td className="py-2 font-medium">{q.name[locale]}</td>
              <td>{q.senderNumber ?? "–"}</td>
              <td>{q.contactEmail ?? "–"}</td>
              <td>{q.localManagers.join(", ") || "–"}</td>
              <td>{format.dateTime(q.activatedAt, { dateStyle: "long" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      <h3 className="mt-6 text-lg font-semibold">{t("activate.title")}</h3>
      {available.length > 0 ? (
        <ActivateQualityForm qualities={available.map((q) => ({ id: q.id, name: q.name[locale] }))} />
      ) : (
        <p className="mt-2 text-sm">{t("activate.none")}</p>
      )}

      <h3 className="mt-6 text-lg font-semibold">{t("coManagers.entityTitle")}</h3>
      <ul className="mt-2 space-y-2">
        {entity.managers.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3">
            <span>
              {m.name} – {tRoles(m.role)}
            </span>
            {m.role === "co-responsable-acces" ? (
              <RemoveCoManagerButton manager={m} own={m.userId === actor.userId} roleLabel={tRoles(m.role)} />
            ) : null}
          </li>
        ))}
      </ul>
      <CoManagerForm role="co-responsable-acces" />
    </section>
  );
}
