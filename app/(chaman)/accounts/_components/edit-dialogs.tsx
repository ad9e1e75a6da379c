"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { FormState, Problem } from "@/lib/actions/form-state";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { iconButton, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/fields";
import { renameAccountAction, updateCredentialsAction, updatePermissionsAction, uploadCertificateAction } from "../actions";
import { PasswordField, SshKeyField, UsernameField } from "./credential-fields";
import { CertificateFields, PermissionFields } from "./fields";
import { PencilIcon, SwapIcon } from "./icons";
import { useFormAction } from "./use-form-action";
import { UploadNotes } from "./upload-notes";

/** A button (icon or text) opening a dialog whose form runs one server action for one account. */
function ActionDialog(props: {
  label: string;
  icon?: ReactNode;
  title: string;
  submitLabel: string;
  accountId: string;
  hidden?: Record<string, string>;
  action: (formData: FormData) => Promise<FormState>;
  children: (errors: Record<string, Problem>) => ReactNode;
  /** The confirmation said once done, from the submitted form. */
  done?: (data: FormData) => string;
}) {
  const t = useTranslations("channels.form");
  const [open, setOpen] = useState(false);
  const form = useFormAction(props.action, () => setOpen(false), props.done);
  const close = () => {
    setOpen(false);
    form.reset();
  };
  return (
    <>
      {props.icon ? (
        <button type="button" className={iconButton} aria-label={props.label} title={props.label} onClick={() => setOpen(true)}>
          {props.icon}
        </button>
      ) : (
        <button type="button" className={secondaryButton} onClick={() => setOpen(true)}>
          {props.label}
        </button>
      )}
      <UploadNotes notes={form.notes} />
      <Dialog open={open} onClose={close} title={props.title}>
        <form onSubmit={form.onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="accountId" value={props.accountId} />
          {Object.entries(props.hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormError problem={form.formProblem} />
          {props.children(form.errors)}
          <div className="flex gap-2">
            <button type="submit" className={primaryButton} disabled={form.pending}>
              {form.pending ? t("pending") : props.submitLabel}
            </button>
            <button type="button" className={secondaryButton} onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function RenameDialog({ accountId, name }: { accountId: string; name: string }) {
  const t = useTranslations("channels");
  const tf = useTranslations("feedback.done");
  return (
    <ActionDialog
      label={t("detail.editName")}
      icon={<PencilIcon />}
      title={t("detail.editName")}
      submitLabel={t("form.validate")}
      accountId={accountId}
      action={renameAccountAction}
      done={(data) => tf("accountRenamed", { name: String(data.get("name") ?? "") })}
    >
      {(errors) => <TextField id="rename-name" name="name" label={t("form.name")} problem={errors.name} defaultValue={name} autoComplete="off" maxLength={100} />}
    </ActionDialog>
  );
}

export function PermissionsDialog(props: { accountId: string; channel: string; options: Array<{ id: number; name: string }>; checked: number[] }) {
  const t = useTranslations("channels");
  return (
    <ActionDialog label={t("detail.editPermissions")} icon={<PencilIcon />} title={t("detail.permissions")} submitLabel={t("form.validate")} accountId={props.accountId} action={updatePermissionsAction}>
      {(errors) => (
        <PermissionFields prefix="edit" channel={props.channel} options={props.options} checked={props.checked} problem={errors.permissions ?? errors.permissionIds} />
      )}
    </ActionDialog>
  );
}

export function CredentialsDialog({ accountId, type, username }: { accountId: string; type: "FTP" | "SFTP"; username: string }) {
  const t = useTranslations("channels");
  return (
    <ActionDialog label={t("detail.editCredentials")} icon={<PencilIcon />} title={t("detail.editCredentials")} submitLabel={t("form.validate")} accountId={accountId} action={updateCredentialsAction}>
      {(errors) => (
        <>
          <UsernameField prefix="credentials" problem={errors.username} defaultValue={username} />
          {type === "FTP" ? <PasswordField prefix="credentials" problem={errors.password} hint={t("detail.newPasswordHint")} /> : <SshKeyField prefix="credentials" problem={errors.sshPublicKey} />}
        </>
      )}
    </ActionDialog>
  );
}

/** « Remplacer le certificat » (FTP, SFTP, SOAP) or « Ajouter un certificat » (REST); button « Ajouter ». */
export function CertificateUploadDialog({ accountId, mode }: { accountId: string; mode: "replace" | "add" }) {
  const t = useTranslations("channels");
  const label = mode === "replace" ? t("detail.replaceCertificate") : t("detail.addCertificate");
  return (
    <ActionDialog
      label={label}
      icon={mode === "replace" ? <SwapIcon /> : undefined}
      title={label}
      submitLabel={t("form.add")}
      accountId={accountId}
      hidden={{ mode }}
      action={uploadCertificateAction}
    >
      {(errors) => <CertificateFields prefix={`${mode}-cert`} errors={errors} />}
    </ActionDialog>
  );
}
