import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { z } from "zod";
import { dangerButton, iconButton } from "@/components/ui/buttons";
import { CopyButton } from "@/components/ui/copy-button";
import { requireServiceActor } from "@/lib/access/actor";
import type { LocalizedName } from "@/lib/auth/contexts";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { getDelegatedAccount } from "@/lib/delegation/delegated-account";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { ActionButton } from "../../../access/action-button";
import { AccessTest } from "../../../accounts/_components/access-test";
import { DownloadIcon } from "../../../accounts/_components/icons";
import { deleteCertificateAction } from "./actions";
import { AddCertificateForm } from "./add-certificate-form";

// A delegated REST account seen by the intermediary: it manages the certificates; the permissions
// stay the enterprise's and are shown read-only (SPEC §5, FAQ).
export default async function DelegatedAccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  await requireChamanAccess();
  const actor = await requireServiceActor();
  const { accountId } = await params;
  const id = z.uuid().safeParse(accountId);
  if (!id.success) notFound();
  const db = await getDb();
  const result = await getDelegatedAccount(db, actor, id.data);
  if (!result.ok) notFound();
  const { account, permissions, certificates } = result;
  const t = await getTranslations("delegation.certificates");
  const tAccounts = await getTranslations("delegation.accounts");
  const tf = await getTranslations("feedback.delete");
  const tDone = await getTranslations("feedback.done");
  const tCopy = await getTranslations("forms.copy");
  const format = await getAppFormatter();
  const locale = (await getLocale()) as keyof LocalizedName;
  const field = (label: string, value: string) => (
    <div className="grid grid-cols-1 gap-1 py-1 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd className="break-all">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <Link href="/delegations/accounts" className="text-brand underline">
        {tAccounts("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{tAccounts("detailTitle", { name: account.name })}</h1>
      <section aria-labelledby="account-info" className="rounded-lg bg-white p-6 shadow">
        <h2 id="account-info" className="text-lg font-semibold">
          {tAccounts("information")}
        </h2>
        <dl className="mt-2">
          {field(tAccounts("name"), account.name)}
          {field(tAccounts("enterprise"), `${account.enterpriseName} (${formatEnterpriseNumber(account.enterpriseNumber)})`)}
          {field(tAccounts("quality"), account.qualityName[locale])}
          <div className="grid grid-cols-1 gap-1 py-1 sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium">{tAccounts("clientId")}</dt>
            <dd className="flex items-center gap-1 break-all">
              {account.clientId ?? "–"}
              {account.clientId ? <CopyButton value={account.clientId} label={tCopy("label", { name: account.name })} /> : null}
            </dd>
          </div>
        </dl>
        <h3 className="mt-4 font-semibold">{tAccounts("permissions")}</h3>
        <ul className="mt-1 list-disc pl-6">
          {permissions.map((p) => (
            <li key={p.fr}>{p[locale]}</li>
          ))}
        </ul>
        <p className="mt-1 text-sm text-slate-700">{tAccounts("permissionsOwner")}</p>
      </section>
      <section aria-labelledby="certificates-title" className="rounded-lg bg-white p-6 shadow">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="certificates-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <AddCertificateForm accountId={account.id} />
        </div>
        {certificates.map((c) => (
          <article key={c.id} aria-labelledby={`cert-${c.id}`} className="mt-4 rounded border border-slate-200 p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`cert-${c.id}`} className="font-semibold">
                {t("heading", { name: c.name })}
              </h3>
              <div className="flex items-start gap-2">
                <a href={`/delegations/accounts/${account.id}/certificates/${c.id}`} className={iconButton} aria-label={t("downloadNamed", { name: c.name })} download>
                  <DownloadIcon />
                </a>
                <ActionButton
                  action={deleteCertificateAction}
                  fields={{ accountId: account.id, certificateId: c.id }}
                  label={t("delete")}
                  accessibleName={t("deleteNamed", { name: c.name })}
                  className={dangerButton}
                  confirm={{ title: t("deleteTitle"), body: tf("certificateBody", { name: c.name }), confirmLabel: t("delete") }}
                  {...(certificates.length === 1 ? { disabledReason: tf("lastCertificate") } : {})}
                  done={tDone("certificateDeleted", { name: c.name })}
                />
              </div>
            </div>
            <dl className="mt-2 text-sm">
              {field(t("name"), c.name)}
              {field(t("fileName"), c.fileName)}
              {field(t("owner"), c.subjectCn ?? "–")}
              {field(t("company"), c.subjectO ?? "–")}
              {field(t("issuer"), c.issuerCn ?? "–")}
              {field(t("expiration"), format.dateTime(c.notAfter, { dateStyle: "long" }))}
              {field(t("serial"), c.serialNumber)}
              {field(t("fingerprint"), c.sha256Fingerprint)}
            </dl>
          </article>
        ))}
      </section>
      {account.clientId ? <AccessTest db={db} account={{ id: account.id, clientId: account.clientId, name: account.name }} qualityId={account.qualityId} /> : null}
    </div>
  );
}
