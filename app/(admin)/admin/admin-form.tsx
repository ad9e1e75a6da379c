"use client";

import { useTranslations } from "next-intl";
import { createContext, startTransition, useActionState, useCallback, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { FieldError, FormError } from "@/components/ui/field-error";
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

/** The form's answer, for the refusals shown beside their fields (AdminFieldError). */
const FormAnswer = createContext<{ state: FormState; place: (field: string) => () => void }>({ state: idle, place: () => () => {} });

/**
 * The refusal of the field `field` (its name), shown where this is placed — beside the input whose id is
 * `inputId`, which then points to it with aria-describedby (`${inputId}-error`), like the account forms.
 * A refused field without such a place is listed under the form.
 */
export function AdminFieldError({ field, inputId }: { field: string; inputId: string }) {
  const { state, place } = useContext(FormAnswer);
  useEffect(() => place(field), [place, field]);
  const problem = state.status === "error" ? state.fieldErrors[field] : undefined;
  if (!problem) return null;
  return (
    <div role="alert">
      <FieldError id={inputId} problem={problem} />
    </div>
  );
}

/**
 * A small administration form: its fields, one submit button, the refusals or the confirmation. The
 * confirmation is also said in the app's live region (issue 17 QA: every administrative change is
 * announced). Sent from onSubmit rather than <form action>, so a refused form keeps what was typed
 * (React resets a form after its action); a successful one is reset when `resetOnSuccess`. No browser
 * validation (noValidate, no maxLength on the fields): the server's refusal says what is wrong, with the
 * numbers, where a browser would silently cut a pasted value or answer in its own words.
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
  // Fields with their own place for a refusal (AdminFieldError).
  const [placed, setPlaced] = useState<ReadonlySet<string>>(new Set());
  const place = useCallback((field: string) => {
    setPlaced((fields) => new Set(fields).add(field));
    return () => setPlaced((fields) => new Set([...fields].filter((f) => f !== field)));
  }, []);
  // Refused fields are marked invalid for assistive technologies and, when their refusal is shown beside
  // them, described by it (after their own hint, kept in data-hint-ids).
  useEffect(() => {
    const refused = state.status === "error" ? Object.keys(state.fieldErrors) : [];
    for (const element of Array.from(formRef.current?.elements ?? [])) {
      if (!(element instanceof HTMLInputElement) || element.type === "hidden") continue;
      if (element.dataset.hintIds === undefined) element.dataset.hintIds = element.getAttribute("aria-describedby") ?? "";
      const hints = element.dataset.hintIds;
      const isRefused = refused.includes(element.name);
      if (isRefused) element.setAttribute("aria-invalid", "true");
      else element.removeAttribute("aria-invalid");
      const ids = [hints, isRefused && placed.has(element.name) && element.id ? `${element.id}-error` : ""].filter(Boolean).join(" ");
      if (ids) element.setAttribute("aria-describedby", ids);
      else element.removeAttribute("aria-describedby");
    }
  }, [state, placed]);
  const problems =
    state.status === "error"
      ? [...(state.formError ? [state.formError] : []), ...Object.entries(state.fieldErrors).filter(([field]) => !placed.has(field)).map(([, problem]) => problem)]
      : [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAnswer.Provider value={{ state, place }}>{children}</FormAnswer.Provider>
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
