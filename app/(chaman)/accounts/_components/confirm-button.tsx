"use client";

import { useId, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { dangerButton, iconButton, secondaryButton } from "@/components/ui/buttons";
import { useFormAction } from "./use-form-action";

/**
 * An icon button that asks for confirmation in a dialog, then runs a server action with the
 * given hidden fields; a refusal (e.g. the last REST certificate) is shown in the dialog.
 */
export function ConfirmButton(props: {
  label: string;
  icon: ReactNode;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  action: (formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  /** What is being deleted, named in the dialog (« Compte FTP « WK23FTP » »). */
  subject?: string;
  /** When set, the control is disabled and this sentence, shown beside it, says why (issue 13). */
  disabledReason?: string;
  /** Said in the live region once done (« Compte FTP « WK23FTP » supprimé. »). */
  done?: string;
}) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const form = useFormAction(props.action, () => setOpen(false), props.done ? () => props.done ?? "" : undefined);
  const close = () => {
    setOpen(false);
    form.reset();
  };
  if (props.disabledReason) {
    return (
      <span className="inline-flex items-center gap-2">
        <button type="button" className={`${iconButton} text-slate-400`} aria-label={props.label} aria-describedby={reasonId} disabled>
          {props.icon}
        </button>
        <span id={reasonId} className="text-sm text-slate-600">
          {props.disabledReason}
        </span>
      </span>
    );
  }
  return (
    <>
      <button type="button" className={`${iconButton} text-red-700`} aria-label={props.label} title={props.label} onClick={() => setOpen(true)}>
        {props.icon}
      </button>
      <Dialog open={open} onClose={close} title={props.title}>
        <form onSubmit={form.onSubmit} className="space-y-4">
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {props.subject ? <p className="font-semibold">{props.subject}</p> : null}
          <p>{props.body}</p>
          <FormError problem={form.formProblem} />
          <div className="flex gap-2">
            <button type="button" className={secondaryButton} onClick={close} data-autofocus>
              {props.cancel}
            </button>
            <button type="submit" className={dangerButton} disabled={form.pending}>
              {props.confirm}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
