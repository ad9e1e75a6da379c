"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldError, FormError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";
import { activateQualityAction } from "./actions";

/** « Activer une qualité » (seed 003 §5 step 4): quality, its e-mail, who manages it. */
export function ActivateQualityForm({ qualities }: { qualities: Array<{ id: number; name: string }> }) {
  const t = useTranslations("access.activate");
  const [state, action, pending] = useActionState<FormState, FormData>(activateQualityAction, idle);
  const [manager, setManager] = useState<"self" | "designate">("self");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const described = (field: string) => (errors[field] ? `${field}-error` : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "success" && state.message ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("success", state.message.params)}
        </p>
      ) : null}
      <FormError problem={state.status === "error" ? state.formError : undefined} />
      <div>
        <label htmlFor="qualityId" className="block text-sm font-medium">
          {t("quality")} *
        </label>
        <select id="qualityId" name="qualityId" required aria-invalid={Boolean(errors.qualityId)} aria-describedby={described("qualityId")} className={inputClass} defaultValue="">
          <option value="" disabled>
            {t("choose")}
          </option>
          {qualities.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <FieldError id="qualityId" problem={errors.qualityId} />
      </div>
      <div>
        <label htmlFor="contactEmail" className="block text-sm font-medium">
          {t("email")} *
        </label>
        <input id="contactEmail" name="contactEmail" type="email" required autoComplete="email" aria-invalid={Boolean(errors.contactEmail)} aria-describedby={described("contactEmail") ?? "contactEmail-hint"} className={inputClass} />
        <p id="contactEmail-hint" className="mt-1 text-xs text-slate-600">
          {t("emailHint")}
        </p>
        <FieldError id="contactEmail" problem={errors.contactEmail} />
      </div>
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
        <div>
          <label htmlFor="activate-niss" className="block text-sm font-medium">
            {t("niss")} *
          </label>
          <input id="activate-niss" name="niss" required inputMode="numeric" placeholder="85.07.30-033.28" aria-invalid={Boolean(errors.niss)} aria-describedby={errors.niss ? "activate-niss-error" : undefined} className={inputClass} />
          <FieldError id="activate-niss" problem={errors.niss} />
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={primaryButton}>
        {t("submit")}
      </button>
    </form>
  );
}
