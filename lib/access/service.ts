// Shared shapes of the issue-5 services (Gestion des accès, delegation): who acts, what they get back.
import type { ActingContext } from "@/lib/auth/contexts";
import type { FormState } from "@/lib/actions/form-state";
import type { AppErrorCode, ErrorParams } from "@/lib/errors";
import { isRuleCode, type RuleCode } from "@/lib/rules/result";

/** The actor of a change: the signed-in user acting for ONE enterprise + quality (seed 003 §4.4). */
export interface ServiceActor {
  userId: string;
  ip: string;
  /** « First Last » for the audit trail. */
  label: string;
  ctx: ActingContext;
}

export type Failure = { ok: false; code: AppErrorCode | RuleCode; params?: ErrorParams; field?: string };
export type ServiceResult<T extends object = object> = ({ ok: true } & T) | Failure;

export function failure(code: AppErrorCode | RuleCode, params?: ErrorParams, field?: string): Failure {
  return { ok: false, code, ...(params ? { params } : {}), ...(field ? { field } : {}) };
}

/** The full message key of a code: rule codes live in "rules", application codes in "errors". */
export function messageKey(code: AppErrorCode | RuleCode): string {
  return isRuleCode(code) ? `rules.${code}` : `errors.${code}`;
}

/** Maps a refusal to the form state: on its field when it has one, else on the whole form. */
export function toFormState(result: Failure): FormState {
  const problem = { key: messageKey(result.code), params: result.params };
  return result.field
    ? { status: "error", fieldErrors: { [result.field]: problem } }
    : { status: "error", formError: problem, fieldErrors: {} };
}

/** PostgreSQL unique violation (23505), as raised by node-postgres or PGlite, possibly wrapped by Drizzle. */
export function uniqueViolation(error: unknown): { constraint: string | undefined } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505") {
      return { constraint: typeof candidate.constraint === "string" ? candidate.constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}
