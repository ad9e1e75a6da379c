import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireServiceActor } from "@/lib/access/actor";
import type { LocalizedName } from "@/lib/auth/contexts";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { technicalIntermediaries } from "@/lib/delegation/find-intermediary";
import { listDelegations, qualityCatalogue, restAccountsOf } from "@/lib/delegation/queries";
import { DelegationTable } from "./delegation-table";
import { EnterpriseRequestForm, IntermediaryRequestForm } from "./request-forms";

// « Délégations » (SPEC §5): the enterprise's delegations of its REST accounts and, for a technical
// intermediary, the requests it sent or received — for the enterprise + quality acted for.
export default async function DelegationsPage() {
  await requireChamanAccess();
  const actor = await requireServiceActor();
  const t = await getTranslations("delegation");
  const locale = (await getLocale()) as keyof LocalizedName;
  const db = await getDb();
  const [lists, accounts, catalogue, intermediaries] = await Promise.all([
    listDelegations(db, actor),
    restAccountsOf(db, actor),
    qualityCatalogue(db),
    technicalIntermediaries(db, actor.ctx.enterpriseId),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {lists.asEnterprise ? (
        <section aria-labelledby="enterprise-delegations" className="rounded-lg bg-white p-6 shadow">
          <h2 id="enterprise-delegations" className="text-xl font-semibold">
            {t("enterpriseSide.title")}
          </h2>
          {accounts.length > 0 ? (
            <>
              <h3 className="mt-4 text-lg font-semibold">{t("enterpriseForm.title")}</h3>
              <EnterpriseRequestForm accounts={accounts} intermediaries={intermediaries} />
            </>
          ) : (
            <p className="mt-2 text-sm">{t("enterpriseSide.noRestAccount")}</p>
          )}
          <h3 className="mt-6 text-lg font-semibold">{t("enterpriseSide.list")}</h3>
          <DelegationTable id="delegations-enterprise" side="enterprise" rows={lists.asEnterprise} accounts={accounts} />
        </section>
      ) : null}
      {lists.asIntermediary ? (
        <section aria-labelledby="intermediary-delegations" className="rounded-lg bg-white p-6 shadow">
          <h2 id="intermediary-delegations" className="text-xl font-semibold">
            {t("intermediarySide.title")}
          </h2>
          <p className="mt-2">
            <Link href="/delegations/accounts" className="text-brand underline">
              {t("intermediarySide.accountsLink")}
            </Link>
          </p>
          <h3 className="mt-4 text-lg font-semibold">{t("intermediaryForm.title")}</h3>
          <IntermediaryRequestForm qualities={catalogue.map((q) => ({ id: q.id, name: q.name[locale] }))} />
          <h3 className="mt-6 text-lg font-semibold">{t("intermediarySide.list")}</h3>
          <DelegationTable id="delegations-intermediary" side="intermediary" rows={lists.asIntermediary} accounts={[]} />
        </section>
      ) : null}
    </div>
  );
}
