// Issue 12: a form whose body exceeds the server-action limit must get the form's own error, never the
// error page. The browser measures before sending; proxy.ts answers 413 for anything bigger anyway.
import { formError, type FormState } from "./form-state";
import { REQUEST_BODY_MAX_BYTES } from "@/lib/rules/limits";

/** Approximate body size of a FormData in bytes: files by size, strings in UTF-8 (multipart overhead ignored). */
export function formDataBytes(data: FormData): number {
  let total = 0;
  const encoder = new TextEncoder();
  for (const [name, value] of data.entries()) {
    total += encoder.encode(name).length + (typeof value === "string" ? encoder.encode(value).length : value.size);
  }
  return total;
}

/** `uploads.request-too-large` when `bytes` is over the limit (with margin for multipart framing), else null. */
export function tooLargeState(bytes: number): FormState | null {
  return bytes > REQUEST_BODY_MAX_BYTES - 4096 ? formError("uploads.request-too-large", { found: bytes, max: REQUEST_BODY_MAX_BYTES }) : null;
}

/** The form could not be sent at all (the server refused the request before the action ran). */
export function sendFailedState(): FormState {
  return formError("uploads.send-failed", { max: REQUEST_BODY_MAX_BYTES });
}
