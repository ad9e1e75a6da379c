import "server-only";
import { and, count, eq, type SQL } from "drizzle-orm";
import { failure, uniqueViolation, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import type { AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/client";
import { certificateSummary } from "@/lib/channels/certificates";
import { queueDelegationMail } from "@/lib/notify/delegation-mails";
import { accounts, certificates, delegations } from "@/lib/db/schema";
import { actorOf, decidingSide, enterpriseSide, initiatingSide, MAX_INTERMEDIARY_RESENDS } from "./sides";
import { sqlIncrement } from "./sql";

// SPEC §5: the other side accepts or refuses; the initiator re-sends after a refusal (the intermediary
// at most 20 times, the enterprise without limit); the enterprise ends an accepted delegation.
// Each decision locks the delegation row and updates it only from the expected status, so
// concurrent accept / refuse / re-send resolve to one state and the loser is told it changed.

type Row = typeof delegations.$inferSelect;

async function lockVisible(tx: Tx, id: string, side: SQL): Promise<Row | undefined> {
  const [row] = await tx.select().from(delegations).where(and(eq(delegations.id, id), side)).for("update");
  return row;
}

/** The account row is locked too: certificate changes by the intermediary wait for the decision. */
async function lockRestAccount(tx: Tx, accountId: string, senderId?: string) {
  const [account] = await tx
    .select({ id: accounts.id, name: accounts.name, senderId: accounts.senderId })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.type, "REST"), senderId ? eq(accounts.senderId, senderId) : undefined))
    .for("update");
  return account;
}

function audit(tx: Tx, actor: ServiceActor, row: Row, action: AuditAction, senderId: string | null, after: Record<string, unknown>) {
  return recordEvent(tx, {
    ...actorOf(actor),
    enterpriseId: row.enterpriseId,
    qualityId: row.qualityId,
    senderId,
    action,
    targetType: "delegation",
    targetId: row.id,
    targetLabel: typeof after.account === "string" ? after.account : null,
    partyEnterpriseId: row.intermediaryId,
    summary: { before: { status: row.status, resendCount: row.resendCount }, after },
  });
}

export async function acceptDelegation(
  db: Db,
  actor: ServiceActor,
  input: { delegationId: string; accountId?: string },
): Promise<ServiceResult> {
  const side = decidingSide(actor);
  if (!side) return failure("access.denied");
  try {
    return await db.transaction(async (tx) => {
      const row = await lockVisible(tx, input.delegationId, side);
      if (!row) return failure("not-found");
      if (row.status !== "pending") return failure("delegation.state-changed", { status: row.status });
      let accountId = row.accountId;
      if (row.initiatedBy === "intermediary") {
        // The enterprise picks which of its REST accounts it delegates (SPEC §5).
        if (!input.accountId) return failure("input.required", undefined, "accountId");
        if (!actor.ctx.senderId) return failure("access.denied");
        accountId = input.accountId;
      }
      if (!accountId) return failure("delegation.state-changed", { status: row.status });
      const account = await lockRestAccount(tx, accountId, row.initiatedBy === "intermediary" ? (actor.ctx.senderId ?? undefined) : undefined);
      if (!account) return failure("not-found", undefined, "accountId");
      const now = new Date();
      const [updated] = await tx
        .update(delegations)
        .set({ status: "accepted", accountId: account.id, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
        .where(and(eq(delegations.id, row.id), eq(delegations.status, "pending")))
        .returning({ id: delegations.id });
      if (!updated) return failure("delegation.state-changed", { status: row.status });
      // Issue #4's screens read this flag: « Géré par l'intermédiaire technique », certificates hidden.
      await tx.update(accounts).set({ certificateManagement: "intermediary", updatedAt: now }).where(eq(accounts.id, account.id));
      await audit(tx, actor, row, "delegation.accept", account.senderId, { status: "accepted", account: account.name });
      await queueDelegationMail(tx, row.id, "accept");
      return { ok: true as const };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return failure("delegation.account-already-delegated", undefined, "accountId");
    throw error;
  }
}

export async function refuseDelegation(db: Db, actor: ServiceActor, input: { delegationId: string }): Promise<ServiceResult> {
  const side = decidingSide(actor);
  if (!side) return failure("access.denied");
  return db.transaction(async (tx) => {
    const row = await lockVisible(tx, input.delegationId, side);
    if (!row) return failure("not-found");
    if (row.status !== "pending") return failure("delegation.state-changed", { status: row.status });
    const now = new Date();
    const [updated] = await tx
      .update(delegations)
      .set({ status: "refused", decidedBy: actor.userId, decidedAt: now, updatedAt: now })
      .where(and(eq(delegations.id, row.id), eq(delegations.status, "pending")))
      .returning({ id: delegations.id });
    if (!updated) return failure("delegation.state-changed", { status: row.status });
    await audit(tx, actor, row, "delegation.refuse", null, { status: "refused" });
    await queueDelegationMail(tx, row.id, "refuse");
    return { ok: true as const };
  });
}

export async function resendDelegation(
  db: Db,
  actor: ServiceActor,
  input: { delegationId: string },
): Promise<ServiceResult<{ resendCount: number }>> {
  const side = initiatingSide(actor);
  if (!side) return failure("access.denied");
  try {
    return await db.transaction(async (tx) => {
      const row = await lockVisible(tx, input.delegationId, side);
      if (!row) return failure("not-found");
      if (row.status !== "refused") return failure("delegation.state-changed", { status: row.status });
      if (row.initiatedBy === "intermediary" && row.resendCount >= MAX_INTERMEDIARY_RESENDS) {
        return failure("delegation.resend-blocked", { max: MAX_INTERMEDIARY_RESENDS });
      }
      if (row.initiatedBy === "enterprise" && !row.accountId) return failure("delegation.state-changed", { status: row.status });
      const now = new Date();
      const [updated] = await tx
        .update(delegations)
        .set({ status: "pending", resendCount: sqlIncrement(), createdBy: actor.userId, decidedAt: null, decidedBy: null, updatedAt: now })
        .where(and(eq(delegations.id, row.id), eq(delegations.status, "refused")))
        .returning({ resendCount: delegations.resendCount });
      if (!updated) return failure("delegation.state-changed", { status: row.status });
      await audit(tx, actor, row, "delegation.resend", null, { status: "pending", resendCount: updated.resendCount });
      await queueDelegationMail(tx, row.id, "resend");
      return { ok: true as const, resendCount: updated.resendCount };
    });
  } catch (error) {
    // The account was meanwhile delegated again (one live delegation per account).
    if (uniqueViolation(error) !== null) return failure("delegation.account-already-delegated");
    throw error;
  }
}

/**
 * The enterprise ends an accepted delegation (SPEC §5). The certificates the intermediary added under
 * it are removed in the same transaction (issue 19): their private keys are the intermediary's, so
 * they must stop authenticating the account at once; each is journaled (`certificate.remove-delegated`,
 * fingerprint and serial, never the content). The enterprise's own certificates stay. Returns how
 * many were removed and whether the account still has a certificate — without one it cannot be used
 * until the enterprise adds its own (the end dialog says so).
 */
export async function endDelegation(
  db: Db,
  actor: ServiceActor,
  input: { delegationId: string },
): Promise<ServiceResult<{ certificatesRemoved: number; accountHasCertificate: boolean }>> {
  const side = enterpriseSide(actor);
  if (!side) return failure("access.denied");
  return db.transaction(async (tx) => {
    const row = await lockVisible(tx, input.delegationId, side);
    if (!row) return failure("not-found");
    if (row.status !== "accepted") return failure("delegation.state-changed", { status: row.status });
    const account = row.accountId ? await lockRestAccount(tx, row.accountId) : undefined;
    const now = new Date();
    await tx.update(delegations).set({ status: "ended", updatedAt: now }).where(eq(delegations.id, row.id));
    const removed = await tx.delete(certificates).where(eq(certificates.delegationId, row.id)).returning({
      id: certificates.id, name: certificates.name, fileName: certificates.fileName, serialNumber: certificates.serialNumber, sha256Fingerprint: certificates.sha256Fingerprint,
    });
    if (account) await tx.update(accounts).set({ certificateManagement: "internal", updatedAt: now }).where(eq(accounts.id, account.id));
    for (const certificate of removed) {
      await recordEvent(tx, {
        ...actorOf(actor),
        enterpriseId: row.enterpriseId,
        qualityId: row.qualityId,
        senderId: account?.senderId ?? null,
        action: "certificate.remove-delegated",
        targetType: "account",
        targetId: account?.id ?? row.accountId ?? row.id,
        targetLabel: account?.name ?? null,
        // SPEC §5: the intermediary reads which of its certificates went; the enterprise only that one did.
        partyEnterpriseId: row.intermediaryId,
        summary: { before: certificateSummary(certificate), reason: "delegation-ended", delegationId: row.id },
      });
    }
    const [left] = account ? await tx.select({ n: count() }).from(certificates).where(eq(certificates.accountId, account.id)) : [];
    const accountHasCertificate = (left?.n ?? 0) > 0;
    await audit(tx, actor, row, "delegation.end", account?.senderId ?? null, { status: "ended", account: account?.name ?? null, certificatesRemoved: removed.length, accountHasCertificate });
    await queueDelegationMail(tx, row.id, "end");
    return { ok: true as const, certificatesRemoved: removed.length, accountHasCertificate };
  });
}

/**
 * The initiator withdraws its own request while it waits for an answer, or after a refusal instead of
 * re-sending it: « Annulée ». The account is free for another request (one live delegation per account).
 */
export async function withdrawDelegation(db: Db, actor: ServiceActor, input: { delegationId: string }): Promise<ServiceResult> {
  const side = initiatingSide(actor);
  if (!side) return failure("access.denied");
  return db.transaction(async (tx) => {
    const row = await lockVisible(tx, input.delegationId, side);
    if (!row) return failure("not-found");
    if (row.status !== "pending" && row.status !== "refused") return failure("delegation.state-changed", { status: row.status });
    const [updated] = await tx
      .update(delegations)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(and(eq(delegations.id, row.id), eq(delegations.status, row.status)))
      .returning({ id: delegations.id });
    if (!updated) return failure("delegation.state-changed", { status: row.status });
    await audit(tx, actor, row, "delegation.withdraw", null, { status: "cancelled" });
    await queueDelegationMail(tx, row.id, "withdraw");
    return { ok: true as const };
  });
}
