import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { iconButton } from "@/components/ui/buttons";
import { expiryStatus, type CertificateView } from "@/lib/channels/queries";
import { deleteCertificateAction } from "../actions";
import { ConfirmButton } from "./confirm-button";
import { CertificateUploadDialog } from "./edit-dialogs";
import { DownloadIcon, TrashIcon } from "./icons";

/** « Certificat - <nom> » with the details of SPEC §4.4 and its actions (seed 004). */
export async function CertificateCard(props: { accountId: string; certificate: CertificateView; now: Date; untrusted?: boolean; canReplace?: boolean; canDelete?: boolean; isLast?: boolean }) {
  const t = await getTranslations("channels.certificate");
  const tf = await getTranslations("feedback.delete");
  const format = await getAppFormatter();
  const c = props.certificate;
  const status = expiryStatus(c.notAfter, props.now);
  const tAdmin = await getTranslations("admin");
  const titleId = `cert-${c.id}`;
  const row = (label: string, value: string | null, mono = false) => (
    <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm font-semibold text-slate-600">{label}</dt>
      <dd className={mono ? "break-all font-mono text-xs" : ""}>{value || t("empty")}</dd>
    </div>
  );
  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-white p-6 shadow">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={titleId} className="text-lg font-semibold">{t("title", { name: c.name })}</h2>
        {status !== "valid" ? (
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${status === "expired" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
            {status === "expired" ? t("expired") : t("expiring")}
          </span>
        ) : null}
        {props.untrusted ? (
          <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{tAdmin("flags.issuerRetired")}</span>
        ) : null}
        <a
          href={`/accounts/${props.accountId}/certificates/${c.id}/download`}
          className={iconButton}
          aria-label={t("download", { name: c.name })}
          title={t("download", { name: c.name })}
          download
        >
          <DownloadIcon />
        </a>
        {props.canReplace ? <CertificateUploadDialog accountId={props.accountId} mode="replace" /> : null}
        {props.canDelete ? (
          <ConfirmButton
            label={t("delete", { name: c.name })}
            icon={<TrashIcon />}
            title={t("deleteTitle")}
            body={tf("certificateBody", { name: c.name })}
            done={(await getTranslations("feedback.done"))("certificateDeleted", { name: c.name })}
            {...(props.isLast ? { disabledReason: tf("lastCertificate") } : {})}
            confirm={(await getTranslations("channels.delete"))("confirm")}
            cancel={(await getTranslations("channels.delete"))("cancel")}
            action={deleteCertificateAction}
            fields={{ accountId: props.accountId, certificateId: c.id }}
          />
        ) : null}
      </div>
      <dl className="mt-3 space-y-2">
        {row(t("name"), c.name)}
        {row(t("fileName"), c.fileName)}
        {row(t("owner"), c.subjectCn)}
        {row(t("enterprise"), c.subjectO)}
        {row(t("issuer"), c.issuerCn)}
        {row(t("expiration"), format.dateTime(c.notAfter, { dateStyle: "long" }))}
        {row(t("serial"), c.serialNumber, true)}
        {row(t("key"), c.keyDescription)}
        {row(t("fingerprint"), c.sha256Fingerprint, true)}
      </dl>
    </section>
  );
}
