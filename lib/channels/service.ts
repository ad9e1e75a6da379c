import "server-only";
import { failure, type ServiceActor, type ServiceFailure } from "@/lib/services/result";

export { auditActor, failure, fieldFailures, type FailureCode, type FieldFailure, type ServiceActor, type ServiceFailure, type ServiceResult } from "@/lib/services/result";

/**
 * SPEC §1: the acting user must have Chaman access for the sender acted on. Every service
 * calls this first; the ids come from the context loaded from the database.
 */
export function actingSender(actor: ServiceActor): { ok: true; senderId: string } | ServiceFailure {
  if (!actor.ctx.chamanAccess || !actor.ctx.senderId) return failure("access.denied");
  return { ok: true, senderId: actor.ctx.senderId };
}
