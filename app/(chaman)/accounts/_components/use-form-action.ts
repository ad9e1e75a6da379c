"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { idle, type FormState, type Problem } from "@/lib/actions/form-state";
import { formDataBytes, sendFailedState, tooLargeState } from "@/lib/actions/request-size";

/**
 * Submits a form to a server action without React's automatic form reset, so a refused form
 * keeps what the user typed (file inputs included) and shows each message at its field.
 */
export function useFormAction(
  action: (formData: FormData) => Promise<FormState>,
  onSuccess?: (result: Extract<FormState, { status: "success" }>, form: HTMLFormElement) => void,
  done?: (data: FormData) => string,
) {
  const [state, setState] = useState<FormState>(idle);
  const announce = useAnnounce();
  // The notes of the last success (e.g. "the authorized_keys options were dropped"), shown after the form closes.
  const [notes, setNotes] = useState<Problem[]>([]);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    setNotes([]);
    // Over the server's body limit the action would fail before running (issue 12): say so, send nothing.
    const tooLarge = tooLargeState(formDataBytes(data));
    if (tooLarge) {
      setState(tooLarge);
      return;
    }
    startTransition(async () => {
      let result: FormState;
      try {
        result = await action(data);
      } catch (error) {
        // The request itself failed (413 from proxy.ts, network): the form's own error, not the error page.
        console.error("form action failed", error);
        result = sendFailedState();
      }
      // A success closes or leaves the form: start clean next time.
      setState(result.status === "success" ? idle : result);
      if (result.status === "success") {
        setNotes(result.notes ?? []);
        onSuccess?.(result, formElement);
        // Issue 13: say what happened (aria-live), in words the reader chose (names from the form).
        if (done) announce(done(data));
      }
    });
  };
  const errors = state.status === "error" ? state.fieldErrors : {};
  const formProblem = state.status === "error" ? state.formError : undefined;
  return { state, errors, formProblem, pending, onSubmit, notes, reset: () => setState(idle) };
}
