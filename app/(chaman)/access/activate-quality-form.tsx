"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/fields";
import { idle, type FormState } from "@/lib/actions/form-state";
import { activateQualityAction } from "./actions";

/** « Activer une qualité » (seed 003 §5 step 4): quality, its e-mail, who manages it. */
export function ActivateQualityForm({ qualities }: { qualities: Array<{ id: number; name: string }> }) {
  const t = useTranslations("access.activate");
  const [state, action, pending] = useActionState<FormState, FormData>(activateQualityAction, idle);
  const [manager, setManager] = useState<"self" | "designate">("self");
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "success" && state.message ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("success", state.message.params)}
        </p>
      ) : null}
      <FormError problem={state.status === "error" ? state.formError : undefined} />
      <SelectField id="qualityId" name="qualityId" label={t("quality")} problem={errors.qualityId} defaultValue="" mark="text">
        <option value="" disabled>
          {t("choose")}
        </option>
        {qualities.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="contactEmail"
        name="contactEmail"
        type="email"
        label={t("email")}
        problem={errors.contactEmail}
        autoComplete="email"
        hint={t("emailHint")}
        hintPosition="below"
        mark="text"
      />
      <fieldset>
        <legend className="text-sm font-medium">{t("manager")}</legend>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="manager" value="self" checked={manager === "self"} onChange={() => setManager("self")} />
          {t("self")}
        </label>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="manager" value="designate" checked={manager === "designate"} onChange={() => setManager("designate")} />
          {t("designate")}
        </label>
      </fieldset>
      {manager === "designate" ? (
        <TextField id="activate-niss" name="niss" label={t("niss")} problem={errors.niss} inputMode="numeric" placeholder="85.07.30-033.28" mark="text" />
      ) : null}
      <button type="submit" disabled={pending} className={primaryButton}>
        {t("submit")}
      </button>
    </form>
  );
}
