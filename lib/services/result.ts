// What every server-side service takes and returns (channels, access, delegation): one actor
// shape, one refusal shape, one mapping to the form state. Ids come from the database, never from
// the client.
import type { FormState, Problem } from "@/lib/actions/form-state";
import type { ActingContext } from "@/lib/auth/contexts";
import type { AppErrorCode, ErrorParams } from "@/lib/errors";
import { isRuleCode, type RuleCode } from "@/lib/rules/result";

/** The signed-in user acting for ONE enterprise + quality (seed 003 §4.4). */
export interface ServiceActor {
  userId: string;
  /** « First Last », kept in the audit trail. */
  label: string;
  /** Client address, null when unknown (lib/security/peer-address.ts). */
  ip: string | null;
  ctx: ActingContext;
}

/** The audit fields describing the actor (lib/audit/record.ts). */
export function auditActor(actor: ServiceActor) {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    enterpriseId: actor.ctx.enterpriseId,
    qualityId: actor.ctx.qualityId,
    ip: actor.ip,
  };
}

export type FailureCode = RuleCode | AppErrorCode;

export interface FieldFailure {
  field: string;
  code: FailureCode;
  params?: ErrorParams;
}

/** A refusal: the first problem (code/field) and, for forms, every field problem found. */
export interface ServiceFailure {
  ok: false;
  code: FailureCode;
  params?: ErrorParams;
  field?: string;
  fields?: FieldFailure[];
}

export type ServiceResult<T extends object = object> = ({ ok: true } & T) | ServiceFailure;

export function failure(code: FailureCode, params?: ErrorParams, field?: string): ServiceFailure {
  return { ok: false, code, ...(params ? { params } : {}), ...(field ? { field } : {}) };
}

/** Several field problems at once, so a form shows all of them together. */
export function fieldFailures(fields: FieldFailure[]): ServiceFailure | null {
  const first = fields[0];
  if (!first) return null;
  return { ok: false, code: first.code, ...(first.params ? { params: first.params } : {}), field: first.field, fields };
}

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

/**
 * The constraint behind a unique violation (SQLSTATE 23505; "" when the driver does not name it),
 * or null for any other error. Drizzle wraps driver errors (node-postgres, PGlite) in `cause`.
 */
export function uniqueViolation(error: unknown): string | null {
  return violation(error, "23505", /unique constraint "([^"]+)"/);
}

/** Same as uniqueViolation for a foreign-key violation (SQLSTATE 23503), e.g. a claim held by another owner. */
export function foreignKeyViolation(error: unknown): string | null {
  return violation(error, "23503", /foreign key constraint "([^"]+)"/);
}

function violation(error: unknown, sqlState: string, pattern: RegExp): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (e.code === sqlState) {
      if (typeof e.constraint === "string") return e.constraint;
      const match = typeof e.message === "string" ? pattern.exec(e.message) : null;
      return match?.[1] ?? "";
    }
    current = e.cause;
  }
  return null;
}
