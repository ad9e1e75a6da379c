"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { useAnnounce } from "@/components/ui/announcer";
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

/**
 * A small administration form: its fields, one submit button, the refusals or the confirmation. The
 * confirmation is also said in the app's live region (issue 17 QA: every administrative change is
 * announced). Sent from onSubmit rather than <form action>, so a refused form keeps what was typed
 * (React resets a form after its action); a successful one is reset when `resetOnSuccess`.
 */
export function AdminForm({ action, submit, children, resetOnSuccess = false }: { action: Action; submit: string; children: ReactNode; resetOnSuccess?: boolean }) {
  const t = useTranslations();
  const announce = useAnnounce();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, data) => {
    const result = await guarded(action)(previous, data);
    if (result.status === "success" && result.message) {
      announce(t(result.message.key, result.message.params));
      if (resetOnSuccess) formRef.current?.reset();
    }
    return result;
  }, idle);
  // Refused fields are marked invalid for assistive technologies; the list below says why.
  useEffect(() => {
    const refused = state.status === "error" ? Object.keys(state.fieldErrors) : [];
    for (const element of Array.from(formRef.current?.elements ?? [])) {
      if (!(element instanceof HTMLInputElement) || element.type === "hidden") continue;
      if (refused.includes(element.name)) element.setAttribute("aria-invalid", "true");
      else element.removeAttribute("aria-invalid");
    }
  }, [state]);
  const problems = state.status === "error" ? [...(state.formError ? [state.formError] : []), ...Object.values(state.fieldErrors)] : [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3">
      {children}
      <button type="submit" disabled={pending} className={primaryButton}>
        {submit}
      </button>
      {problems.length > 1 ? (
        <ul role="alert" className="list-disc rounded border border-red-300 bg-red-50 p-3 pl-8 text-sm text-red-800">
          {problems.map((p) => (
            <li key={p.key}>{t(p.key, p.params)}</li>
          ))}
        </ul>
      ) : (
        <FormError problem={problems[0]} />
      )}
      {state.status === "success" && state.message ? (
        <p className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="form-confirmation">{t(state.message.key, state.message.params)}</p>
      ) : null}
    </form>
  );
}
