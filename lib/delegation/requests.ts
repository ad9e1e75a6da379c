import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { failure, uniqueViolation, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import { recordEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { accounts, delegations, enterpriseQualities, enterprises, qualities } from "@/lib/db/schema";
import { queueDelegationMail } from "@/lib/notify/delegation-mails";
import { checkEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { actorOf, enterpriseSide, intermediarySide, MAX_INTERMEDIARY_RESENDS } from "./sides";
import { sqlIncrement } from "./sql";

// SPEC §5: either side may start a request. The enterprise delegates one of its REST accounts to an
// intermediary (by enterprise number); the intermediary asks an enterprise + quality for one (the
// enterprise chooses the account when it accepts).

export type RequestOutcome = { delegationId: string; resent: boolean; resendCount: number };

export async function requestFromEnterprise(
  db: Db,
  actor: ServiceActor,
  input: { accountId: string; intermediaryNumber: string },
): Promise<ServiceResult<RequestOutcome>> {
  const { ctx } = actor;
  if (!enterpriseSide(actor) || !ctx.senderId) return failure("access.denied");
  const senderId = ctx.senderId;
  const number = checkEnterpriseNumber(input.intermediaryNumber);
  if (!number.ok) return failure(number.code, number.params, "intermediaryNumber");
  const [intermediary] = await db
    .select({ id: enterprises.id, name: enterprises.name, isTechnicalIntermediary: enterprises.isTechnicalIntermediary })
    .from(enterprises)
    .where(eq(enterprises.number, number.value))
    .limit(1);
  if (!intermediary) return failure("delegation.enterprise-unknown", { number: number.formatted, scope: "any" }, "intermediaryNumber");
  if (intermediary.id === ctx.enterpriseId) return failure("delegation.self", undefined, "intermediaryNumber");
  if (!intermediary.isTechnicalIntermediary) {
    return failure("delegation.not-an-intermediary", { number: number.formatted, name: intermediary.name }, "intermediaryNumber");
  }
  try {
    return await db.transaction(async (tx) => {
      // Only the actor's own REST accounts; the row lock orders concurrent requests for the account.
      const [account] = await tx
        .select({ id: accounts.id, name: accounts.name })
        .from(accounts)
        .where(and(eq(accounts.id, input.accountId), eq(accounts.senderId, senderId), eq(accounts.type, "REST")))
        .for("update");
      if (!account) return failure("not-found", undefined, "accountId");
      // A new request after the intermediary refused the same one is a re-send (no limit for the enterprise).
      const [refused] = await tx
        .select({ id: delegations.id })
        .from(delegations)
        .where(
          and(
            eq(delegations.accountId, account.id),
            eq(delegations.intermediaryId, intermediary.id),
            eq(delegations.initiatedBy, "enterprise"),
            eq(delegations.status, "refused"),
          ),
        )
        .orderBy(desc(delegations.updatedAt))
        .limit(1);
      const now = new Date();
      const [row] = refused
        ? await tx
            .update(delegations)
            .set({ status: "pending", resendCount: sqlIncrement(), createdBy: actor.userId, updatedAt: now, decidedAt: null, decidedBy: null })
            .where(and(eq(delegations.id, refused.id), eq(delegations.status, "refused")))
            .returning({ id: delegations.id, resendCount: delegations.resendCount })
        : await tx
            .insert(delegations)
            .values({
              enterpriseId: ctx.enterpriseId,
              qualityId: ctx.qualityId,
              intermediaryId: intermediary.id,
              accountId: account.id,
              initiatedBy: "enterprise",
              createdBy: actor.userId,
            })
            .returning({ id: delegations.id, resendCount: delegations.resendCount });
      await recordEvent(tx, {
        ...actorOf(actor),
        enterpriseId: ctx.enterpriseId,
        qualityId: ctx.qualityId,
        senderId,
        action: refused ? "delegation.resend" : "delegation.request",
        targetType: "delegation",
        targetId: row!.id,
        targetLabel: account.name,
        partyEnterpriseId: intermediary.id,
        summary: { after: { account: account.name, intermediary: number.value, initiatedBy: "enterprise", status: "pending", resendCount: row!.resendCount } },
      });
      await queueDelegationMail(tx, row!.id, refused ? "resend" : "request");
      return { ok: true as const, delegationId: row!.id, resent: Boolean(refused), resendCount: row!.resendCount };
    });
  } catch (error) {
    // At most one pending or accepted delegation per account (partial unique index).
    if (uniqueViolation(error) !== null) return failure("delegation.account-already-delegated", undefined, "accountId");
    throw error;
  }
}

export async function requestFromIntermediary(
  db: Db,
  actor: ServiceActor,
  input: { enterpriseNumber: string; qualityId: number },
): Promise<ServiceResult<RequestOutcome>> {
  const { ctx } = actor;
  if (!intermediarySide(actor)) return failure("access.denied");
  const number = checkEnterpriseNumber(input.enterpriseNumber);
  if (!number.ok) return failure(number.code, number.params, "enterpriseNumber");
  const [quality] = await db.select().from(qualities).where(eq(qualities.id, input.qualityId)).limit(1);
  if (!quality) return failure("not-found", undefined, "qualityId");
  const [target] = await db
    .select({ enterpriseId: enterprises.id, enterpriseQualityId: enterpriseQualities.id, name: enterprises.name })
    .from(enterprises)
    .innerJoin(enterpriseQualities, and(eq(enterpriseQualities.enterpriseId, enterprises.id), eq(enterpriseQualities.qualityId, quality.id)))
    .where(eq(enterprises.number, number.value))
    .limit(1);
  if (!target) return failure("delegation.enterprise-unknown", { number: number.formatted, scope: "quality" }, "enterpriseNumber");
  if (target.enterpriseId === ctx.enterpriseId) return failure("delegation.self", undefined, "enterpriseNumber");
  return db.transaction(async (tx) => {
    // Serialises the intermediary's requests to this enterprise + quality, so the 20 re-sends limit
    // and "one pending request" hold under concurrent clicks.
    await tx.select({ id: enterpriseQualities.id }).from(enterpriseQualities).where(eq(enterpriseQualities.id, target.enterpriseQualityId)).for("update");
    const [open] = await tx
      .select({ id: delegations.id, status: delegations.status, resendCount: delegations.resendCount })
      .from(delegations)
      .where(
        and(
          eq(delegations.intermediaryId, ctx.enterpriseId),
          eq(delegations.enterpriseId, target.enterpriseId),
          eq(delegations.qualityId, quality.id),
          eq(delegations.initiatedBy, "intermediary"),
          // A withdrawn request is re-opened, not replaced: its re-send count (and the limit) stays.
          inArray(delegations.status, ["pending", "refused", "cancelled"]),
        ),
      )
      .orderBy(desc(delegations.updatedAt))
      .limit(1);
    if (open?.status === "pending") return failure("delegation.already-pending", { number: number.formatted });
    if (open && open.resendCount >= MAX_INTERMEDIARY_RESENDS) {
      return failure("delegation.resend-blocked", { max: MAX_INTERMEDIARY_RESENDS, number: number.formatted });
    }
    const now = new Date();
    const [row] = open
      ? await tx
          .update(delegations)
          .set({ status: "pending", resendCount: sqlIncrement(), createdBy: actor.userId, updatedAt: now, decidedAt: null, decidedBy: null })
          .where(eq(delegations.id, open.id))
          .returning({ id: delegations.id, resendCount: delegations.resendCount })
      : await tx
          .insert(delegations)
          .values({ enterpriseId: target.enterpriseId, qualityId: quality.id, intermediaryId: ctx.enterpriseId, initiatedBy: "intermediary", createdBy: actor.userId })
          .returning({ id: delegations.id, resendCount: delegations.resendCount });
    await recordEvent(tx, {
      ...actorOf(actor),
      enterpriseId: target.enterpriseId,
      qualityId: quality.id,
      action: open ? "delegation.resend" : "delegation.request",
      targetType: "delegation",
      targetId: row!.id,
      targetLabel: target.name,
      partyEnterpriseId: ctx.enterpriseId,
      summary: { after: { enterprise: number.value, quality: quality.code, intermediary: ctx.enterpriseNumber, initiatedBy: "intermediary", status: "pending", resendCount: row!.resendCount } },
    });
    await queueDelegationMail(tx, row!.id, open ? "resend" : "request");
    return { ok: true as const, delegationId: row!.id, resent: Boolean(open), resendCount: row!.resendCount };
  });
}
