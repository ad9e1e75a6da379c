"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { secondaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * One button that runs a server action for a row (grant, revoke, accept, re-send…), showing the
 * refusal next to it. With `confirm`, a dialog asks first (keyboard-operable native <dialog>).
 */
export function ActionButton({
  action,
  fields,
  label,
  accessibleName,
  className = secondaryButton,
  confirm,
  disabledReason,
  done,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleName?: string;
  className?: string;
  confirm?: { title: string; body: string; confirmLabel: string };
  /** When set, the button is disabled and this sentence, shown beside it, says why (issue 13). */
  disabledReason?: string;
  /** Said in the live region once the action succeeded (« Droit Chaman accordé à Bob Lambert. »). */
  done?: string;
}) {
  const t = useTranslations("common.actions");
  const announce = useAnnounce();
  // Announced from the action itself: on success the row is often re-rendered away (revoke → grant)
  // before an effect could run, and the confirmation must name what was done, not the new row.
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.status === "success" && done) announce(done);
    return result;
  }, idle);
  const [open, setOpen] = useState(false);
  const reasonId = useId();

  const problem = state.status === "error" ? (state.formError ?? Object.values(state.fieldErrors)[0]) : undefined;
  const form = (onSubmit?: () => void) => (
    <form action={formAction} onSubmit={onSubmit} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={className} aria-label={confirm ? undefined : accessibleName}>
        {confirm ? confirm.confirmLabel : label}
      </button>
    </form>
  );
  if (disabledReason) {
    return (
      <div className="inline-flex max-w-xs flex-col gap-1">
        <button type="button" className={`${className} cursor-not-allowed opacity-60`} aria-label={accessibleName} aria-describedby={reasonId} disabled>
          {label}
        </button>
        <p id={reasonId} className="text-sm text-slate-600">
          {disabledReason}
        </p>
      </div>
    );
  }
  return (
    <div className="inline-flex flex-col gap-1">
      {confirm ? (
        <>
          <button type="button" className={className} aria-label={accessibleName} onClick={() => setOpen(true)}>
            {label}
          </button>
          <Dialog open={open} onClose={() => setOpen(false)} title={confirm.title}>
            <p className="mb-4">{confirm.body}</p>
            <div className="flex gap-2">
              {/* Issue 13: the safe button comes first and has the focus, so Enter twice never confirms. */}
              <button type="button" className={secondaryButton} onClick={() => setOpen(false)} data-autofocus>
                {t("cancel")}
              </button>
              {form(() => setOpen(false))}
            </div>
          </Dialog>
        </>
      ) : (
        form()
      )}
      <FormError problem={problem} />
    </div>
  );
}
