import { getLocale, getTranslations } from "next-intl/server";
import { loadResponsables } from "@/lib/access/responsables";
import type { LocalizedName } from "@/lib/auth/contexts";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";

// « Vos responsables » (seed 003 §7.1): open to every signed-in user, with or without Chaman access.
export default async function ManagersPage() {
  const actor = await requireActor();
  const t = await getTranslations("managers");
  const locale = (await getLocale()) as keyof LocalizedName;
  const ctx = actor.current;
  if (!ctx) {
    return (
      <section>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2">{t("noEnterprise")}</p>
      </section>
    );
  }
  const r = await loadResponsables(await getDb(), ctx);
  const line = (label: string, names: string[]) => (
    <div className="grid grid-cols-1 gap-1 py-1 sm:grid-cols-[20rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd>{names.length > 0 ? names.join(", ") : t("nobody")}</dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="level-quality" className="rounded-lg bg-white p-6 shadow">
        <h2 id="level-quality" className="text-lg font-semibold">
          {t("qualityLevel", { quality: ctx.qualityName[locale], senderNumber: ctx.senderNumber ?? "–" })}
        </h2>
        <dl className="mt-2">
          {line(t("local"), r.quality.local)}
          {line(t("coLocal"), r.quality.coLocal)}
          {r.quality.accessManagers.length > 0 ? line(t("accessManagers"), r.quality.accessManagers) : null}
        </dl>
        <p className="mt-2 text-sm text-slate-700">{t("qualityHelp")}</p>
      </section>
      <section aria-labelledby="level-entity" className="rounded-lg bg-white p-6 shadow">
        <h2 id="level-entity" className="text-lg font-semibold">
          {t("entityLevel", { enterprise: ctx.enterpriseName, number: formatEnterpriseNumber(ctx.enterpriseNumber) })}
        </h2>
        <dl className="mt-2">
          {line(t("responsable"), r.entity.responsable)}
          {line(t("coResponsables"), r.entity.coResponsables)}
        </dl>
        <p className="mt-2 text-sm text-slate-700">{t("entityHelp")}</p>
      </section>
    </div>
  );
}
