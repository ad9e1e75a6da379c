"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormError } from "@/components/ui/field-error";
import { secondaryButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/fields";
import { idle, type FormState } from "@/lib/actions/form-state";
import { NISS_PLACEHOLDER } from "@/lib/rules/placeholders";
import { addCoManagerAction } from "./actions";

/** Names a co-responsable d'accès or a co-gestionnaire local by NISS (seed 003 §7.1). */
export function CoManagerForm({ role }: { role: "co-responsable-acces" | "co-gestionnaire-local" }) {
  const t = useTranslations("access.coManagers");
  const [state, action, pending] = useActionState<FormState, FormData>(addCoManagerAction, idle);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="role" value={role} />
      <TextField
        id={`${role}-niss`}
        name="niss"
        label={t(role === "co-responsable-acces" ? "nissResponsable" : "nissGestionnaire")}
        problem={state.status === "error" ? state.fieldErrors.niss : undefined}
        inputMode="numeric"
        placeholder={NISS_PLACEHOLDER}
        mark="none"
        className="min-w-64"
      />
      <button type="submit" disabled={pending} className={secondaryButton}>
        {t("add")}
      </button>
      <div className="basis-full">
        <FormError problem={state.status === "error" ? state.formError : undefined} />
        {state.status === "success" && state.message ? (
          <p role="status" className="text-sm text-green-900">
            {t("added", state.message.params)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
