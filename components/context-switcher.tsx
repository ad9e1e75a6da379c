import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/current";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { selectContextAction } from "./session-actions";

/** Shown only when the user can act for several enterprises or qualities (seed 003 §4.4). */
export async function ContextSwitcher({ actor }: { actor: Actor }) {
  if (actor.contexts.length < 2) return null;
  const t = await getTranslations("common.context");
  const locale = (await getLocale()) as keyof Actor["contexts"][number]["qualityName"];
  return (
    <form action={selectContextAction} className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="context-select" className="whitespace-nowrap font-medium">
        {t("label")}
      </label>
      <select
        id="context-select"
        name="context"
        defaultValue={actor.current?.enterpriseQualityId}
        className="w-full min-w-0 max-w-full rounded border border-white/40 bg-white px-2 py-1 text-slate-900 sm:w-auto"
      >
        {actor.contexts.map((c) => (
          <option key={c.enterpriseQualityId} value={c.enterpriseQualityId}>
            {t("option", { enterprise: c.enterpriseName, number: formatEnterpriseNumber(c.enterpriseNumber), quality: c.qualityName[locale] })}
            {c.chamanAccess ? "" : ` (${t("noAccess")})`}
          </option>
        ))}
      </select>
      <button type="submit" className="whitespace-nowrap rounded border border-white/60 px-2 py-1 hover:bg-white/10">
        {t("change")}
      </button>
    </form>
  );
}
