"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/fields";
import { createAccountAction } from "../actions";
import { PasswordField, SshKeyField, UsernameField } from "./credential-fields";
import { CertificateFields, PermissionFields } from "./fields";
import { useFormAction } from "./use-form-action";
import { UploadNotes } from "./upload-notes";

type AccountType = "FTP" | "SFTP" | "SOAP" | "REST";

/**
 * « Ajouter un compte FTP ou SFTP » / « Ajouter un compte Webservice » (seed 004): the fields
 * follow the chosen « Type* ».
 */
export function CreateAccountDialog(props: {
  group: "batch" | "webservice";
  permissions: Array<{ id: number; name: string }>;
  /** The username of the sender's FTP or SFTP account: the other one keeps it (seed 001 §2.4 **, SPEC §4.1). */
  proposedUsername?: string;
  /** The sender's existing FTP/SFTP/SOAP accounts: one of each at most (SPEC §3), so that type is offered disabled, with the reason. */
  taken?: Array<{ type: AccountType; name: string }>;
}) {
  const tForms = useTranslations("forms.createAccount");
  const t = useTranslations("channels");
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<AccountType | "">("");
  const tf = useTranslations("feedback.done");
  const form = useFormAction(
    createAccountAction,
    () => {
      setOpen(false);
      setType("");
    },
    (data) => tf("accountCreated", { type: String(data.get("type") ?? ""), name: String(data.get("name") ?? "") }),
  );
  const close = () => {
    setOpen(false);
    setType("");
    form.reset();
  };
  const prefix = `create-${props.group}`;
  const title = props.group === "batch" ? t("home.addBatch") : t("home.addWs");
  const types: AccountType[] = props.group === "batch" ? ["FTP", "SFTP"] : ["SOAP", "REST"];
  const typeId = `${prefix}-type`;
  const { errors } = form;
  const taken = new Map((props.taken ?? []).filter((a) => types.includes(a.type)).map((a) => [a.type, a.name]));
  // Issue 13: the one-account limit is said as soon as the dialog opens, not after the whole form is filled.
  const takenHint =
    taken.size > 0 ? (
      <span className="block space-y-1">
        {[...taken].map(([takenType, name]) => (
          <span key={takenType} className="block">
            {tForms("typeTakenReason", { type: takenType, name })}
          </span>
        ))}
      </span>
    ) : undefined;
  const chooseType = (value: string) => {
    setType(value as AccountType | "");
    // A refusal of the previous type's form no longer describes what is on screen (issue 13).
    form.reset();
  };
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        {title}
      </button>
      <UploadNotes notes={form.notes} />
      <Dialog open={open} onClose={close} title={title}>
        <form onSubmit={form.onSubmit} noValidate className="space-y-4">
          <FormError problem={form.formProblem} />
          <SelectField id={typeId} name="type" label={t("form.type")} problem={errors.type} hint={takenHint} value={type} onChange={chooseType}>
            <option value="">{t("form.chooseType")}</option>
            {types.map((value) => (
              <option key={value} value={value} disabled={taken.has(value)}>
                {taken.has(value) ? tForms("typeTaken", { type: value }) : value}
              </option>
            ))}
          </SelectField>
          {type ? (
            <div key={type} className="space-y-4">
              <TextField id={`${prefix}-name`} name="name" label={t("form.name")} problem={errors.name} autoComplete="off" maxLength={100} />
              {type !== "SOAP" ? (
                <PermissionFields prefix={prefix} channel={type.toLowerCase()} options={props.permissions} problem={errors.permissions ?? errors.permissionIds} />
              ) : null}
              {type === "REST" ? (
                <fieldset>
                  <legend className="text-sm font-medium">{t("form.management")}</legend>
                  <label className="mt-1 flex items-center gap-2 text-sm">
                    <input type="radio" name="certificateManagement" value="internal" defaultChecked />
                    {t("form.managementInternal")}
                  </label>
                </fieldset>
              ) : null}
              <CertificateFields prefix={prefix} errors={errors} />
              {type === "FTP" || type === "SFTP" ? <UsernameField prefix={prefix} problem={errors.username} defaultValue={props.proposedUsername} /> : null}
              {type === "FTP" ? <PasswordField prefix={prefix} problem={errors.password} /> : null}
              {type === "SFTP" ? <SshKeyField prefix={prefix} problem={errors.sshPublicKey} /> : null}
            </div>
          ) : null}
          <div className="flex gap-2">
            <button type="submit" className={primaryButton} disabled={form.pending}>
              {form.pending ? t("form.pending") : t("form.validate")}
            </button>
            <button type="button" className={secondaryButton} onClick={close}>
              {t("form.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
