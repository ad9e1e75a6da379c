"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import { idle, type FormState } from "@/lib/actions/form-state";

/**
 * Submits a form to a server action without React's automatic form reset, so a refused form
 * keeps what the user typed (file inputs included) and shows each message at its field.
 */
export function useFormAction(action: (formData: FormData) => Promise<FormState>, onSuccess?: () => void, done?: (data: FormData) => string) {
  const [state, setState] = useState<FormState>(idle);
  const announce = useAnnounce();
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(data);
      // A success closes or leaves the form: start clean next time.
      setState(result.status === "success" ? idle : result);
      if (result.status === "success") {
        onSuccess?.();
        // Issue 13: say what happened (aria-live), in words the reader chose (names from the form).
        if (done) announce(done(data));
      }
    });
  };
  const errors = state.status === "error" ? state.fieldErrors : {};
  const formProblem = state.status === "error" ? state.formError : undefined;
  return { state, errors, formProblem, pending, onSubmit, reset: () => setState(idle) };
}
