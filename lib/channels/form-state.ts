import "server-only";
import type { z } from "zod";
import type { FormState, Problem } from "@/lib/actions/form-state";
import { problemOfIssue } from "@/lib/validation/problems";

export { failureState, problemKey } from "@/lib/services/result";

/** Zod issues at their fields, each with its message (lib/validation/problems.ts); the first per field. */
export function invalidInputState(error: z.ZodError): FormState {
  const fieldErrors: Record<string, Problem> = {};
  let formProblem: Problem | undefined;
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const problem = problemOfIssue(issue);
    if (field) fieldErrors[field] ??= problem;
    else formProblem ??= problem;
  }
  return { status: "error", fieldErrors, ...(formProblem ? { formError: formProblem } : {}) };
}
