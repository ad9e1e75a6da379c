import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { requestNow } from "@/lib/admin/request-clock";
import { certificatesNoLongerTrusted } from "@/lib/channels/trust-store";
import { getAccountDetail } from "@/lib/channels/queries";
import { listPermissionOptions, permissionKindFor } from "@/lib/channels/permissions";
import { accountId as accountIdSchema } from "@/lib/channels/schemas";
import { requireSenderWithContact } from "@/lib/contact/guard";
import { intermediaryOfAccount } from "@/lib/delegation/account-intermediary";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { CertificateCard } from "../_components/certificate-card";
import { CertificateUploadDialog, CredentialsDialog, PermissionsDialog, RenameDialog } from "../_components/edit-dialogs";
import { AccessTest } from "../_components/access-test";
import { ServerConnection } from "../_components/server-connection";

// « Modifier le compte <type> - <nom> » (seed 004): the detail page of one account of the sender.
export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { senderId, db, ctx } = await requireSenderWithContact();
  const { accountId } = await params;
  if (!accountIdSchema.safeParse(accountId).success) notFound();
  const locale = await getLocale();
  const account = await getAccountDetail(db, senderId, accountId, locale);
  // Another sender's account, or none: the same answer, nothing revealed.
  if (!account) notFound();
  const t = await getTranslations("channels");
  const tAdmin = await getTranslations("admin");
  const kind = permissionKindFor(account.type);
  const options = kind ? await listPermissionOptions(db, kind, locale) : [];
  const delegated = account.certificateManagement === "intermediary";
  // Issue 17: the demonstration clock's « now », and certificates whose CA was retired since upload.
  const now = await requestNow();
  const untrusted = await certificatesNoLongerTrusted(db, account.type, account.id);
  // Issue 13: a delegated account's page names the intermediary that manages its certificates.
  const intermediary = delegated ? await intermediaryOfAccount(db, senderId, account.id) : null;
  const tDelegated = await getTranslations("forms.delegatedAccount");
  const tCopy = await getTranslations("forms.copy");
  const card = "rounded-lg bg-white p-6 shadow";
  const dt = "text-sm font-semibold text-slate-600";

  return (
    <div className="space-y-6">
      <div>
        <Link href="/" className="text-brand underline">
          {t("detail.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("detail.title", { type: account.type, typeLower: account.type.toLowerCase(), name: account.name })}</h1>
      </div>

      <section aria-labelledby="info-title" className={card}>
        <h2 id="info-title" className="text-lg font-semibold">{t("detail.info")}</h2>
        <dl className="mt-3 space-y-3">
          <div>
            <dt className={dt}>{t("detail.name")}</dt>
            <dd className="flex items-center gap-2">
              <span>{account.name}</span>
              <RenameDialog accountId={account.id} name={account.name} />
            </dd>
          </div>
          {account.clientId ? (
            <div>
              <dt className={dt}>{t("detail.clientId")}</dt>
              <dd className="flex items-center gap-1 font-mono text-sm">
                <span>{account.clientId}</span>
                <CopyButton value={account.clientId} label={tCopy("label", { name: account.name })} />
              </dd>
            </div>
          ) : null}
          {account.type === "REST" ? (
            <div>
              <dt className={dt}>{t("detail.management")}</dt>
              <dd>
                {delegated ? t("home.managementIntermediary") : t("home.managementInternal")}
                {intermediary ? ` – ${intermediary.name} (${formatEnterpriseNumber(intermediary.number)})` : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      {kind ? (
        <section aria-labelledby="permissions-title" className={card}>
          <div className="flex items-center gap-2">
            <h2 id="permissions-title" className="text-lg font-semibold">{t("detail.permissions")}</h2>
            <PermissionsDialog accountId={account.id} channel={account.type.toLowerCase()} options={options} checked={account.permissions.map((p) => p.id)} />
          </div>
          <ul className="mt-3 list-disc pl-6">
            {account.permissions.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.retired ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{tAdmin("flags.permissionRetired")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {account.type === "FTP" || account.type === "SFTP" ? (
        <section aria-labelledby="credentials-title" className={card}>
          <div className="flex items-center gap-2">
            <h2 id="credentials-title" className="text-lg font-semibold">{t("detail.credentials")}</h2>
            <CredentialsDialog accountId={account.id} type={account.type} username={account.username ?? ""} />
          </div>
          <dl className="mt-3 space-y-3">
            <div>
              <dt className={dt}>{t("detail.username")}</dt>
              <dd>{account.username}</dd>
            </div>
            {account.type === "SFTP" ? (
              <>
                <div>
                  <dt className={dt}>{t("detail.sshKey")}</dt>
                  <dd>{t("detail.sshKeyValue", { type: account.sshKeyType === "ssh-rsa" ? "RSA" : account.sshKeyType ?? "", bits: account.sshKeyBits ?? 0 })}</dd>
                </div>
                <div>
                  <dt className={dt}>{t("detail.sshFingerprint")}</dt>
                  <dd className="break-all font-mono text-sm">{account.sshFingerprint}</dd>
                </div>
              </>
            ) : (
              <div>
                <dt className={dt}>{t("detail.password")}</dt>
                <dd>{t("detail.passwordHidden")}</dd>
              </div>
            )}
          </dl>
        </section>
      ) : null}

      {account.type === "FTP" || account.type === "SFTP" ? <ServerConnection type={account.type} username={account.username ?? ""} /> : null}

      {delegated ? (
        <section aria-labelledby="certificates-title" className={card}>
          <h2 id="certificates-title" className="text-lg font-semibold">{t("detail.certificates")}</h2>
          {intermediary ? (
            <p className="mt-2 font-medium">{tDelegated("managedBy", { name: intermediary.name, number: formatEnterpriseNumber(intermediary.number) })}</p>
          ) : null}
          <p className="mt-2" role="note">{t("detail.delegatedNote")}</p>
        </section>
      ) : account.type === "REST" ? (
        <section aria-labelledby="certificates-title" className="space-y-4">
          <div className="flex items-center gap-3">
            <h2 id="certificates-title" className="text-lg font-semibold">{t("detail.certificates")}</h2>
            <CertificateUploadDialog accountId={account.id} mode="add" />
          </div>
          {account.certificates.length === 0 ? (
            <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
              {t("detail.noCertificate")}
            </p>
          ) : null}
          {account.certificates.map((c) => (
            <CertificateCard key={c.id} accountId={account.id} certificate={c} now={now} canDelete isLast={account.certificates.length === 1} />
          ))}
        </section>
      ) : (
        account.certificates.map((c) => <CertificateCard key={c.id} accountId={account.id} certificate={c} now={now} untrusted={untrusted.has(c.id)} canReplace />)
      )}

      {account.type === "REST" && account.clientId ? (
        <AccessTest db={db} account={{ id: account.id, clientId: account.clientId, name: account.name }} qualityId={ctx.qualityId} />
      ) : null}
    </div>
  );
}
