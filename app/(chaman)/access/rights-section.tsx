import { getLocale, getTranslations } from "next-intl/server";
import { dangerButton, inputClass, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { listMembers } from "@/lib/access/rights";
import { listQualityManagers } from "@/lib/access/roles";
import type { ServiceActor } from "@/lib/access/service";
import type { LocalizedName } from "@/lib/auth/contexts";
import { getDb } from "@/lib/db/client";
import { formatNiss } from "@/lib/rules/niss";
import { ActionButton } from "./action-button";
import { grantRightAction, revokeRightAction } from "./actions";
import { RemoveCoManagerButton } from "./remove-co-manager-button";
import { CoManagerForm } from "./co-manager-form";
import { withElision } from "@/lib/i18n/elision";

/** Quality level (gestionnaire local, co-gestionnaires): the Chaman right and co-gestionnaires. */
export async function RightsSection({ actor, search }: { actor: ServiceActor; search: string }) {
  const t = await getTranslations("access");
  const tRoles = await getTranslations("common.roles");
  const tf = await getTranslations("feedback");
  const locale = (await getLocale()) as keyof LocalizedName;
  const db = await getDb();
  const [members, managers] = await Promise.all([listMembers(db, actor, search), listQualityManagers(db, actor)]);
  if (!members.ok || !managers.ok) return null;
  const quality = actor.ctx.qualityName[locale];
  return (
    <section aria-labelledby="rights-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="rights-title" className="text-xl font-semibold">
        {t("rights.title", { quality })}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("rights.intro", withElision({ enterprise: actor.ctx.enterpriseName, quality }, "enterprise"))}</p>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64">
          <label htmlFor="member-search" className="block text-sm font-medium">
            {t("rights.search")}
          </label>
          <input id="member-search" name="q" defaultValue={search} className={inputClass} />
        </div>
        <button type="submit" className={secondaryButton}>
          {t("rights.searchSubmit")}
        </button>
      </form>
      <div role="region" aria-label={t("rights.caption")} tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("rights.caption")}</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-2">{t("rights.name")}</th>
            <th scope="col">{t("rights.niss")}</th>
            <th scope="col">{t("rights.access")}</th>
            <th scope="col">{t("rights.action")}</th>
          </tr>
        </thead>
        <tbody>
          {members.members.map((m) => (
            <tr key={m.userId} className="border-b last:border-0">
              <td className="py-2 font-medium">{m.name}</td>
              <td>{formatNiss(m.niss)}</td>
              <td>
                {m.roles.length > 0
                  ? t("rights.automatic", { role: tRoles(m.roles[0]!) })
                  : m.hasRight
                    ? t("rights.granted")
                    : t("rights.none")}
              </td>
              <td className="py-2">
                {m.hasRight ? (
                  <ActionButton action={revokeRightAction} fields={{ userId: m.userId }} label={t("rights.revoke")} accessibleName={t("rights.revokeNamed", { name: m.name })} className={dangerButton} done={tf("done.rightRevoked", { name: m.name })} />
                ) : m.roles.length === 0 ? (
                  <ActionButton action={grantRightAction} fields={{ userId: m.userId }} label={t("rights.grant")} accessibleName={t("rights.grantNamed", { name: m.name })} className={primaryButton} done={tf("done.rightGranted", { name: m.name })} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {members.members.length === 0 ? <p className="mt-2 text-sm">{t("rights.noMatch")}</p> : null}

      <h3 className="mt-6 text-lg font-semibold">{t("coManagers.qualityTitle", { quality })}</h3>
      <ul className="mt-2 space-y-2">
        {managers.managers.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3">
            <span>
              {m.name} – {tRoles(m.role)}
            </span>
            {m.role === "co-gestionnaire-local" ? (
              <RemoveCoManagerButton manager={m} own={m.userId === actor.userId} roleLabel={tRoles(m.role)} />
            ) : null}
          </li>
        ))}
      </ul>
      <CoManagerForm role="co-gestionnaire-local" />
    </section>
  );
}
