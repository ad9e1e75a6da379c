"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";
import { requestFromEnterpriseAction, requestFromIntermediaryAction } from "./actions";

function Feedback({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.status === "success" && state.message) {
    return (
      <p role="status" className="basis-full rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        {t(state.message.key, state.message.params)}
      </p>
    );
  }
  return (
    <div className="basis-full">
      <FormError problem={state.status === "error" ? state.formError : undefined} />
    </div>
  );
}

/** The enterprise delegates one of its REST accounts to an intermediary, by enterprise number. */
export function EnterpriseRequestForm({ accounts }: { accounts: Array<{ id: string; name: string; delegated: boolean }> }) {
  const t = useTranslations("delegation.enterpriseForm");
  const [state, action, pending] = useActionState<FormState, FormData>(requestFromEnterpriseAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="mt-3 flex flex-wrap items-start gap-4" noValidate>
      <Feedback state={state} />
      <div className="min-w-64">
        <label htmlFor="accountId" className="block text-sm font-medium">
          {t("account")} *
        </label>
        <select id="accountId" name="accountId" defaultValue="" aria-invalid={Boolean(errors.accountId)} aria-describedby={errors.accountId ? "accountId-error" : undefined} className={inputClass}>
          <option value="" disabled>
            {t("chooseAccount")}
          </option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id} disabled={a.delegated}>
              {a.delegated ? t("delegatedOption", { name: a.name }) : a.name}
            </option>
          ))}
        </select>
        <FieldError id="accountId" problem={errors.accountId} />
      </div>
      <div className="min-w-64">
        <label htmlFor="intermediaryNumber" className="block text-sm font-medium">
          {t("intermediaryNumber")} *
        </label>
        <input id="intermediaryNumber" name="intermediaryNumber" placeholder="0123.456.749" aria-invalid={Boolean(errors.intermediaryNumber)} aria-describedby={errors.intermediaryNumber ? "intermediaryNumber-error" : undefined} className={inputClass} />
        <FieldError id="intermediaryNumber" problem={errors.intermediaryNumber} />
      </div>
      <button type="submit" disabled={pending} className={`${primaryButton} mt-6`}>
        {t("submit")}
      </button>
    </form>
  );
}

/** The intermediary asks an enterprise + quality for the management of a REST account. */
export function IntermediaryRequestForm({ qualities }: { qualities: Array<{ id: number; name: string }> }) {
  const t = useTranslations("delegation.intermediaryForm");
  const [state, action, pending] = useActionState<FormState, FormData>(requestFromIntermediaryAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="mt-3 flex flex-wrap items-start gap-4" noValidate>
      <Feedback state={state} />
      <div className="min-w-64">
        <label htmlFor="enterpriseNumber" className="block text-sm font-medium">
          {t("enterpriseNumber")} *
        </label>
        <input id="enterpriseNumber" name="enterpriseNumber" placeholder="0123.456.749" aria-invalid={Boolean(errors.enterpriseNumber)} aria-describedby={errors.enterpriseNumber ? "enterpriseNumber-error" : undefined} className={inputClass} />
        <FieldError id="enterpriseNumber" problem={errors.enterpriseNumber} />
      </div>
      <div className="min-w-64">
        <label htmlFor="request-quality" className="block text-sm font-medium">
          {t("quality")} *
        </label>
        <select id="request-quality" name="qualityId" defaultValue="" aria-invalid={Boolean(errors.qualityId)} aria-describedby={errors.qualityId ? "request-quality-error" : undefined} className={inputClass}>
          <option value="" disabled>
            {t("chooseQuality")}
          </option>
          {qualities.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <FieldError id="request-quality" problem={errors.qualityId} />
      </div>
      <button type="submit" disabled={pending} className={`${primaryButton} mt-6`}>
        {t("submit")}
      </button>
    </form>
  );
}
