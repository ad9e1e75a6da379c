import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireServiceActor } from "@/lib/access/actor";
import type { LocalizedName } from "@/lib/auth/contexts";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listDelegatedAccounts } from "@/lib/delegation/queries";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";

// « Comptes délégués »: the REST accounts the intermediary manages for its clients (SPEC §5).
export default async function DelegatedAccountsPage() {
  await requireChamanAccess();
  const actor = await requireServiceActor();
  const result = await listDelegatedAccounts(await getDb(), actor);
  if (!result.ok) forbidden();
  const t = await getTranslations("delegation.accounts");
  const locale = (await getLocale()) as keyof LocalizedName;
  return (
    <section aria-labelledby="delegated-title" className="space-y-4">
      <h1 id="delegated-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {result.accounts.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
        <table className="w-full rounded-lg bg-white text-left text-sm shadow">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">{t("name")}</th>
              <th scope="col">{t("enterprise")}</th>
              <th scope="col">{t("quality")}</th>
              <th scope="col">{t("clientId")}</th>
              <th scope="col">{t("certificates")}</th>
            </tr>
          </thead>
          <tbody>
            {result.accounts.map((a) => (
              <tr key={a.id} className="border-b last:border-0">
                <td className="p-2">
                  <Link href={`/delegations/accounts/${a.id}`} className="font-medium text-brand underline">
                    {a.name}
                  </Link>
                </td>
                <td>
                  {a.enterpriseName} ({formatEnterpriseNumber(a.enterpriseNumber)})
                </td>
                <td>{a.qualityName[locale]}</td>
                <td className="font-mono text-xs">{a.clientId ?? "–"}</td>
                <td>{a.certificates}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
