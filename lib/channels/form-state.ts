import "server-only";
import type { z } from "zod";
import type { FormState, Problem } from "@/lib/actions/form-state";
import { isRuleCode } from "@/lib/rules/result";
import type { FailureCode, ServiceFailure } from "./service";

/** The message key of a code: rule codes live in "rules", the others in "errors". */
export function problemKey(code: FailureCode): string {
  return isRuleCode(code) ? `rules.${code}` : `errors.${code}`;
}

/** A service refusal as the form shows it: each field's message at the field, else one form error. */
export function failureState(failure: ServiceFailure): FormState {
  const fields = failure.fields ?? (failure.field ? [{ field: failure.field, code: failure.code, params: failure.params }] : []);
  if (fields.length === 0) {
    return { status: "error", formError: { key: problemKey(failure.code), ...(failure.params ? { params: failure.params } : {}) }, fieldErrors: {} };
  }
  const fieldErrors: Record<string, Problem> = {};
  for (const f of fields) fieldErrors[f.field] ??= { key: problemKey(f.code), ...(f.params ? { params: f.params } : {}) };
  return { status: "error", fieldErrors };
}

/** Zod issues at their fields: missing → input.required, too long → input.too-long, else input.invalid. */
export function invalidInputState(error: z.ZodError): FormState {
  const fieldErrors: Record<string, Problem> = {};
  let formProblem: Problem | undefined;
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    let problem: Problem = { key: "errors.input.invalid" };
    if (issue.code === "too_big" && typeof issue.maximum === "number") problem = { key: "errors.input.too-long", params: { max: issue.maximum } };
    else if ((issue.code === "too_small" && issue.minimum === 1) || issue.code === "invalid_type") problem = { key: "errors.input.required" };
    else if (issue.code === "custom" && issue.message === "required") problem = { key: "errors.input.required" };
    if (field) fieldErrors[field] ??= problem;
    else formProblem ??= problem;
  }
  return { status: "error", fieldErrors, ...(formProblem ? { formError: formProblem } : {}) };
}
