"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FieldError, FormError } from "@/components/ui/field-error";
import { primaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";
import { acceptAction } from "./actions";

/**
 * The enterprise accepts an intermediary's request by choosing which REST account it delegates.
 * `acceptName` is the button's accessible name (« Accepter la demande de … »), as « Refuser » has one.
 */
export function AcceptWithAccountForm({ delegationId, accounts, acceptName }: { delegationId: string; accounts: Array<{ id: string; name: string; delegated: boolean }>; acceptName: string }) {
  const t = useTranslations("delegation.table");
  const [state, action, pending] = useActionState<FormState, FormData>(acceptAction, idle);
  const id = useId();
  const problem = state.status === "error" ? state.fieldErrors.accountId : undefined;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="delegationId" value={delegationId} />
      <label htmlFor={id} className="sr-only">
        {t("chooseAccount")}
      </label>
      <select id={id} name="accountId" defaultValue="" aria-invalid={Boolean(problem)} aria-describedby={problem ? `${id}-error` : undefined} className="rounded border border-slate-400 px-2 py-1">
        <option value="">{t("chooseAccount")}</option>
        {accounts
          .filter((a) => !a.delegated)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
      <button type="submit" disabled={pending} aria-label={acceptName} className={primaryButton}>
        {t("accept")}
      </button>
      <FieldError id={id} problem={problem} />
      <FormError problem={state.status === "error" ? state.formError : undefined} />
    </form>
  );
}
