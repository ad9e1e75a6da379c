"use client";

import { useState, type ChangeEvent } from "react";
import type { Problem } from "@/lib/actions/form-state";

/**
 * Issue 12: a file over the limit is refused in the browser as soon as it is chosen — the field says
 * its size and the limit (the rule's own message, e.g. `rules.cert.too-large`) and the input is
 * emptied so nothing is sent. The server still applies the same rule.
 */
export function useFileSizeLimit(maxBytes: number, messageKey: string) {
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  /** Returns the chosen file when it fits, else undefined (and the input is emptied). */
  const check = (event: ChangeEvent<HTMLInputElement>): File | undefined => {
    const file = event.target.files?.[0];
    if (file && file.size > maxBytes) {
      setProblem({ key: messageKey, params: { found: file.size, max: maxBytes } });
      event.target.value = "";
      return undefined;
    }
    setProblem(undefined);
    return file;
  };
  return { problem, check, clear: () => setProblem(undefined) };
}
