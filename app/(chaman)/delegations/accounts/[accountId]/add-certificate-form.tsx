"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/fields";
import { idle, type FormState } from "@/lib/actions/form-state";
import { formDataBytes, sendFailedState, tooLargeState } from "@/lib/actions/request-size";
import { CERT_MAX_BYTES } from "@/lib/rules/limits";
import { addCertificateAction } from "./actions";

/** « Ajouter un certificat » (seed 004, REST): a .cer file and its name, in a dialog. */
export function AddCertificateForm({ accountId }: { accountId: string }) {
  const t = useTranslations("delegation.certificates");
  const tActions = useTranslations("common.actions");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormState, FormData>(async (previous: FormState, formData: FormData) => {
    // Over the server's body limit nothing is sent; a refused request is the form's error (issue 12).
    const tooLarge = tooLargeState(formDataBytes(formData));
    if (tooLarge) return tooLarge;
    let next: FormState;
    try {
      next = await addCertificateAction(previous, formData);
    } catch (error) {
      console.error("add certificate failed", error);
      return sendFailedState();
    }
    if (next.status === "success") setOpen(false);
    return next;
  }, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        {t("add")}
      </button>
      {state.status === "success" && state.message ? (
        <p role="status" className="mt-2 text-sm text-green-900">
          {t("added", state.message.params)}
        </p>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)} title={t("add")}>
        <form action={action} className="space-y-4" noValidate>
          <input type="hidden" name="accountId" value={accountId} />
          <FormError problem={state.status === "error" ? state.formError : undefined} />
          <TextField id="certificate" name="certificate" type="file" accept=".cer" label={t("file")} problem={errors.certificate} mark="text" required={false} maxFileBytes={CERT_MAX_BYTES} tooLargeKey="rules.cert.too-large" />
          <TextField id="certificate-name" name="name" label={t("name")} problem={errors.name} mark="text" required={false} />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={primaryButton}>
              {tActions("validate")}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
              {tActions("cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
