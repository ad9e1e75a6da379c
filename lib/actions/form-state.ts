// The state a form's server action returns to the form (useActionState), so every field shows its
// own message (aria-describedby) and nothing the user typed is lost on a refusal.
import type { ErrorParams } from "@/lib/errors";

/** A message key (in the "errors" or "rules" namespace, e.g. "rules.cert.key-size") with its parameters. */
export interface Problem {
  key: string;
  params?: ErrorParams;
}

export type FormState =
  | { status: "idle" }
  | { status: "success"; message?: Problem; notes?: Problem[] }
  | { status: "error"; formError?: Problem; fieldErrors: Record<string, Problem> };

export const idle: FormState = { status: "idle" };

export function fieldError(field: string, key: string, params?: ErrorParams): FormState {
  return { status: "error", fieldErrors: { [field]: { key, params } } };
}

export function formError(key: string, params?: ErrorParams): FormState {
  return { status: "error", formError: { key, params }, fieldErrors: {} };
}
