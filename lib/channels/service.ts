import "server-only";
import type { ActingContext } from "@/lib/auth/contexts";
import type { AppErrorCode, ErrorParams } from "@/lib/errors";
import type { RuleCode } from "@/lib/rules/result";

/** Who acts, as the services need it: ids read from the database for this request, never from the client. */
export interface ServiceActor {
  userId: string;
  /** "First Last", kept in the audit trail. */
  label?: string;
  ip: string;
  ctx: ActingContext;
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

/**
 * SPEC §1: the acting user must have Chaman access for the sender acted on. Every service
 * calls this first; the ids come from the context loaded from the database.
 */
export function actingSender(actor: ServiceActor): { ok: true; senderId: string } | ServiceFailure {
  if (!actor.ctx.chamanAccess || !actor.ctx.senderId) return failure("access.denied");
  return { ok: true, senderId: actor.ctx.senderId };
}

/** The audit fields describing the actor (lib/audit/record.ts). */
export function auditActor(actor: ServiceActor) {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    enterpriseId: actor.ctx.enterpriseId,
    qualityId: actor.ctx.qualityId,
    ip: actor.ip,
  };
}
