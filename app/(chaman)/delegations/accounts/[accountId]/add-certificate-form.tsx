"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/fields";
import { idle, type Problem } from "@/lib/actions/form-state";
import { CERT_MAX_BYTES } from "@/lib/rules/limits";
import { UploadNotes } from "../../../accounts/_components/upload-notes";
import { useFormAction } from "../../../accounts/_components/use-form-action";
import { addCertificateAction } from "./actions";

/**
 * « Ajouter un certificat » (seed 004, REST): a .cer file and its name, in a dialog. Submitted
 * without React's form reset (issue 13): a refusal keeps the name and the chosen file.
 */
export function AddCertificateForm({ accountId }: { accountId: string }) {
  const t = useTranslations("delegation.certificates");
  const tActions = useTranslations("common.actions");
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Problem | undefined>(undefined);
  // useFormAction refuses an oversized body before sending and shows a failed request as the form's error (issue 12).
  const form = useFormAction(
    (data) => {
      setAdded(undefined);
      return addCertificateAction(idle, data);
    },
    (result) => {
      setAdded(result.message);
      setOpen(false);
    },
  );
  const close = () => {
    setOpen(false);
    form.reset();
  };
  const { errors } = form;
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        {t("add")}
      </button>
      {added ? (
        <p role="status" className="mt-2 text-sm text-green-900">
          {t("added", added.params)}
        </p>
      ) : null}
      <UploadNotes notes={form.notes} />
      <Dialog open={open} onClose={close} title={t("add")}>
        <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="accountId" value={accountId} />
          <FormError problem={form.formProblem} />
          <TextField id="certificate" name="certificate" type="file" accept=".cer" label={t("file")} problem={errors.certificate} mark="text" required={false} maxFileBytes={CERT_MAX_BYTES} tooLargeKey="rules.cert.too-large" />
          <TextField id="certificate-name" name="name" label={t("name")} problem={errors.name} mark="text" required={false} />
          <div className="flex gap-2">
            <button type="submit" disabled={form.pending} className={primaryButton}>
              {tActions("add")}
            </button>
            <button type="button" className={secondaryButton} onClick={close}>
              {tActions("cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
