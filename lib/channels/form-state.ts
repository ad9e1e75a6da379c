import "server-only";
import type { z } from "zod";
import type { FormState, Problem } from "@/lib/actions/form-state";

export { failureState, problemKey } from "@/lib/services/result";

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
