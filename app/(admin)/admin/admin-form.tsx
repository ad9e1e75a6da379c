"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { fieldError, idle, type FormState } from "@/lib/actions/form-state";
import { formDataBytes, sendFailedState, tooLargeState } from "@/lib/actions/request-size";
import { CERT_MAX_BYTES } from "@/lib/rules/limits";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * The action behind an admin form, guarded like the account forms (issue 12): a certificate over 64 KiB or
 * a body over the server-action limit is refused here with the form's own message and nothing is sent,
 * and a request the server refuses before the action runs (proxy.ts's 413) is the form's error, not the
 * error page.
 */
function guarded(action: Action): Action {
  return async (previous, formData) => {
    const certificate = formData.get("certificate");
    if (certificate instanceof File && certificate.size > CERT_MAX_BYTES) {
      return fieldError("certificate", "rules.cert.too-large", { found: certificate.size, max: CERT_MAX_BYTES });
    }
    const tooLarge = tooLargeState(formDataBytes(formData));
    if (tooLarge) return tooLarge;
    try {
      return await action(previous, formData);
    } catch (error) {
      console.error("admin form action failed", error);
      return sendFailedState();
    }
  };
}

/** A small administration form: its fields, one submit button, the refusal or the confirmation. */
export function AdminForm({ action, submit, children }: { action: Action; submit: string; children: ReactNode }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState, FormData>(guarded(action), idle);
  const problem = state.status === "error" ? (state.formError ?? Object.values(state.fieldErrors)[0]) : undefined;
  return (
    <form action={formAction} className="space-y-3">
      {children}
      <button type="submit" disabled={pending} className={primaryButton}>
        {submit}
      </button>
      <FormError problem={problem} />
      {state.status === "success" && state.message ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t(state.message.key, state.message.params)}
        </p>
      ) : null}
    </form>
  );
}
