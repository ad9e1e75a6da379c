"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/fields";
import { idle, type FormState } from "@/lib/actions/form-state";
import { ENTERPRISE_NUMBER_PLACEHOLDER } from "@/lib/rules/placeholders";
import { requestFromEnterpriseAction, requestFromIntermediaryAction } from "./actions";

/**
 * The fields sit side by side; « * » is part of their label (the e2e selectors name them so) and
 * they carry no required attribute, the server being the one to refuse an empty field.
 */
const rowField = { className: "min-w-64", mark: "text", required: false } as const;

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
export function EnterpriseRequestForm({
  accounts,
  intermediaries,
}: {
  accounts: Array<{ id: string; name: string; delegated: boolean }>;
  /** « Name (number) » of each technical intermediary: typed letters suggest them (issue 13). */
  intermediaries: Array<{ label: string }>;
}) {
  const t = useTranslations("delegation.enterpriseForm");
  const tSearch = useTranslations("forms.intermediarySearch");
  const [state, action, pending] = useActionState<FormState, FormData>(requestFromEnterpriseAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="mt-3 flex flex-wrap items-start gap-4" noValidate>
      <Feedback state={state} />
      <SelectField id="accountId" name="accountId" label={t("account")} problem={errors.accountId} defaultValue="" {...rowField}>
        <option value="" disabled>
          {t("chooseAccount")}
        </option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id} disabled={a.delegated}>
            {a.delegated ? t("delegatedOption", { name: a.name }) : a.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="intermediaryNumber"
        name="intermediaryNumber"
        label={t("intermediaryNumber")}
        problem={errors.intermediaryNumber}
        placeholder={ENTERPRISE_NUMBER_PLACEHOLDER}
        hint={tSearch("hint")}
        hintPosition="below"
        list="intermediary-suggestions"
        autoComplete="off"
        maxLength={200}
        {...rowField}
      />
      <datalist id="intermediary-suggestions">
        {intermediaries.map((i) => (
          <option key={i.label} value={i.label} />
        ))}
      </datalist>
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
      <TextField id="enterpriseNumber" name="enterpriseNumber" label={t("enterpriseNumber")} problem={errors.enterpriseNumber} placeholder={ENTERPRISE_NUMBER_PLACEHOLDER} {...rowField} />
      <SelectField id="request-quality" name="qualityId" label={t("quality")} problem={errors.qualityId} defaultValue="" {...rowField}>
        <option value="" disabled>
          {t("chooseQuality")}
        </option>
        {qualities.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={pending} className={`${primaryButton} mt-6`}>
        {t("submit")}
      </button>
    </form>
  );
}
