"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A small administration form: its fields, one submit button, the refusal or the confirmation. */
export function AdminForm({ action, submit, children }: { action: Action; submit: string; children: ReactNode }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, idle);
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
