"use client";

import { useTranslations } from "next-intl";
import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field-error";
import { dangerButton, secondaryButton } from "@/components/ui/buttons";
import { idle, type FormState } from "@/lib/actions/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

// QA 18-5: a closed session's row disappears with the page's refresh, so its confirmation cannot live
// in the row: the buttons hand it to this page-level live region, which stays.
const Announce = createContext<(message: string) => void>(() => undefined);

/** « Mes sessions »' confirmation region (role="status", polite), around the page's content. */
export function SessionsAnnouncer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  return (
    <Announce.Provider value={setMessage}>
      <p role="status" aria-live="polite" className={message ? "rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900" : "sr-only"}>
        {message}
      </p>
      {children}
    </Announce.Provider>
  );
}

/** Runs `action`; on success, announces its message in the page's live region. */
function useAnnouncedAction(action: Action) {
  const t = useTranslations();
  const announce = useContext(Announce);
  return useActionState<FormState, FormData>(async (previous, formData) => {
    announce("");
    const result = await action(previous, formData);
    if (result.status === "success" && result.message) announce(t(result.message.key, result.message.params));
    return result;
  }, idle);
}

/** « Fermer » for one session (not the current one). */
export function CloseSessionButton({ action, sessionId, accessibleName }: { action: Action; sessionId: string; accessibleName: string }) {
  const t = useTranslations("sessions");
  const [state, formAction, pending] = useAnnouncedAction(action);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <button type="submit" disabled={pending} className={secondaryButton} aria-label={accessibleName}>
        {t("close")}
      </button>
      <FormError problem={state.status === "error" ? state.formError : undefined} />
    </form>
  );
}

/** « Fermer toutes les autres sessions », after a confirmation whose safe button (« Annuler ») has the focus first. */
export function CloseOthersButton({ action }: { action: Action }) {
  const t = useTranslations("sessions");
  const tCommon = useTranslations("common.actions");
  const [state, formAction, pending] = useAnnouncedAction(action);
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <button type="button" className={`${secondaryButton} self-start`} onClick={() => setOpen(true)}>
        {t("closeOthers")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("closeOthersTitle")}>
        <p className="mb-4">{t("closeOthersBody")}</p>
        {/* « Annuler » first: showModal() focuses the first focusable element, so Enter never closes sessions by accident. */}
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
            {tCommon("cancel")}
          </button>
          <form action={formAction} onSubmit={() => setOpen(false)}>
            <button type="submit" disabled={pending} className={dangerButton}>
              {t("closeOthersConfirm")}
            </button>
          </form>
        </div>
      </Dialog>
      <FormError problem={state.status === "error" ? state.formError : undefined} />
    </div>
  );
}
