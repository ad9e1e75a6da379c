"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/fields";
import { idle, type Problem } from "@/lib/actions/form-state";
import { useFormAction } from "../accounts/_components/use-form-action";
import { NISS_PLACEHOLDER } from "@/lib/rules/placeholders";
import { activateQualityAction } from "./actions";

/**
 * « Activer une qualité » (seed 003 §5 step 4): quality, its e-mail, who manages it. Submitted
 * without React's form reset (issue 13): a refused NISS keeps the quality, the e-mail and the
 * radio choice, and the NISS field shows only beside « désigner ».
 */
export function ActivateQualityForm({ qualities }: { qualities: Array<{ id: number; name: string }> }) {
  const t = useTranslations("access.activate");
  const [manager, setManager] = useState<"self" | "designate">("self");
  const [success, setSuccess] = useState<Problem | undefined>(undefined);
  const form = useFormAction(
    (data) => {
      setSuccess(undefined);
      return activateQualityAction(idle, data);
    },
    (result, element) => {
      // Done: the quality leaves the list; start the next activation clean.
      setSuccess(result.message);
      element.reset();
      setManager("self");
    },
  );
  const { errors } = form;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate>
      {success ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("success", success.params)}
        </p>
      ) : null}
      <FormError problem={form.formProblem} />
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
        <TextField id="activate-niss" name="niss" label={t("niss")} problem={errors.niss} inputMode="numeric" placeholder={NISS_PLACEHOLDER} mark="text" />
      ) : null}
      <button type="submit" disabled={form.pending} className={primaryButton}>
        {t("submit")}
      </button>
    </form>
  );
}
