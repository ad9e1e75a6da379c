import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import { delegations } from "@/lib/db/schema";
import type { ServiceActor } from "@/lib/access/service";

// SPEC §5 (FAQ « Intermédiaire technique et délégation »): the two sides of a delegation and what
// each may see. Every query on delegations goes through these conditions, so a forged id of another
// enterprise matches nothing.

/** After a refusal by the enterprise the intermediary may re-send at most 20 times (SPEC §5). */
export const MAX_INTERMEDIARY_RESENDS = 20;

/** The enterprise side: the enterprise + quality acted for, with Chaman access. */
export function enterpriseSide(actor: ServiceActor): SQL | null {
  const { ctx } = actor;
  if (!ctx.chamanAccess) return null;
  return and(eq(delegations.enterpriseId, ctx.enterpriseId), eq(delegations.qualityId, ctx.qualityId)) ?? null;
}

/** The intermediary side: a technical intermediary's user with Chaman access. */
export function intermediarySide(actor: ServiceActor): SQL | null {
  const { ctx } = actor;
  if (!ctx.chamanAccess || !ctx.isTechnicalIntermediary) return null;
  return eq(delegations.intermediaryId, ctx.enterpriseId);
}

/** Rows the actor must decide on: requests started by the OTHER side. */
export function decidingSide(actor: ServiceActor): SQL | null {
  const asEnterprise = enterpriseSide(actor);
  const asIntermediary = intermediarySide(actor);
  const parts = [
    asEnterprise ? and(asEnterprise, eq(delegations.initiatedBy, "intermediary")) : undefined,
    asIntermediary ? and(asIntermediary, eq(delegations.initiatedBy, "enterprise")) : undefined,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? null : (or(...parts) ?? null);
}

/** Rows the actor started (and may re-send after a refusal). */
export function initiatingSide(actor: ServiceActor): SQL | null {
  const asEnterprise = enterpriseSide(actor);
  const asIntermediary = intermediarySide(actor);
  const parts = [
    asEnterprise ? and(asEnterprise, eq(delegations.initiatedBy, "enterprise")) : undefined,
    asIntermediary ? and(asIntermediary, eq(delegations.initiatedBy, "intermediary")) : undefined,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? null : (or(...parts) ?? null);
}

export function actorOf(actor: ServiceActor) {
  return { actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip };
}
