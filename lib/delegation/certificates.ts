import "server-only";
import { and, count, eq } from "drizzle-orm";
import { failure, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import { recordEvent } from "@/lib/audit/record";
import { certificateRow } from "@/lib/channels/certificate-row";
import type { Db, Queryable, Tx } from "@/lib/db/client";
import { accounts, certificates, trustedCas } from "@/lib/db/schema";
import { checkCertificate } from "@/lib/rules/certificate";
import { findDelegatedAccount, type DelegatedAccount } from "./delegated-account";
import { actorOf } from "./sides";

// SPEC §3 and §5: once a delegation is accepted, the intermediary manages the REST account's
// certificates: add (SPEC §4.4, REST channel: any issuer, self-signed with digitalSignature),
// delete — never the last one — and download byte for byte.
// TODO(lead): unify with issue #4's certificate services in lib/channels/ when both are merged.

export const CERTIFICATE_NAME_MAX = 100;

/** Locks the account row, then checks the delegation: decisions and deletions serialise on it. */
async function lockDelegatedAccount(tx: Tx, actor: ServiceActor, accountId: string): Promise<DelegatedAccount | null> {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
  return findDelegatedAccount(tx, actor, accountId);
}

function audit(tx: Tx, actor: ServiceActor, account: DelegatedAccount, action: string, targetId: string, summary: Record<string, unknown>) {
  return recordEvent(tx, {
    ...actorOf(actor),
    enterpriseId: account.enterpriseId,
    qualityId: account.qualityId,
    senderId: account.senderId,
    action,
    targetType: "certificate",
    targetId,
    summary: { ...summary, account: account.name, by: "technical-intermediary", intermediary: actor.ctx.enterpriseNumber },
  });
}

export async function addDelegatedCertificate(
  db: Db,
  actor: ServiceActor,
  input: { accountId: string; name: string; fileName: string; bytes: Uint8Array },
): Promise<ServiceResult<{ certificateId: string }>> {
  if (!(await findDelegatedAccount(db, actor, input.accountId))) return failure("not-found");
  const trustStore = await db.select({ family: trustedCas.family, der: trustedCas.content, label: trustedCas.label }).from(trustedCas);
  const checked = await checkCertificate({ fileName: input.fileName, bytes: input.bytes, channel: "REST", trustStore, now: new Date() });
  if (!checked.ok) return failure(checked.code, checked.params, "certificate");
  return db.transaction(async (tx) => {
    const account = await lockDelegatedAccount(tx, actor, input.accountId);
    if (!account) return failure("not-found");
    const fileName = input.fileName.trim().split(/[\\/]/).pop() ?? input.fileName;
    const [row] = await tx
      .insert(certificates)
      .values(certificateRow({ accountId: account.id, name: input.name, fileName, content: input.bytes, details: checked.details, uploadedBy: actor.userId }))
      .returning({ id: certificates.id });
    await audit(tx, actor, account, "certificate.add", row!.id, {
      after: { name: input.name, fileName, serialNumber: checked.details.serialNumber, sha256: checked.details.sha256Fingerprint },
    });
    return { ok: true as const, certificateId: row!.id };
  });
}

export async function deleteDelegatedCertificate(
  db: Db,
  actor: ServiceActor,
  input: { accountId: string; certificateId: string },
): Promise<ServiceResult> {
  return db.transaction(async (tx) => {
    // FOR UPDATE on the account: the enterprise and the intermediary deleting at once cannot
    // both pass the "not the last one" check (SPEC §3).
    const account = await lockDelegatedAccount(tx, actor, input.accountId);
    if (!account) return failure("not-found");
    const [target] = await tx
      .select({ id: certificates.id, name: certificates.name, fileName: certificates.fileName, serialNumber: certificates.serialNumber })
      .from(certificates)
      .where(and(eq(certificates.id, input.certificateId), eq(certificates.accountId, account.id)));
    if (!target) return failure("not-found");
    const [total] = await tx.select({ n: count() }).from(certificates).where(eq(certificates.accountId, account.id));
    if ((total?.n ?? 0) <= 1) return failure("delegation.last-certificate");
    await tx.delete(certificates).where(eq(certificates.id, target.id));
    await audit(tx, actor, account, "certificate.delete", target.id, { before: { name: target.name, fileName: target.fileName, serialNumber: target.serialNumber } });
    return { ok: true as const };
  });
}

export async function downloadDelegatedCertificate(
  q: Queryable,
  actor: ServiceActor,
  input: { accountId: string; certificateId: string },
): Promise<ServiceResult<{ fileName: string; content: Uint8Array }>> {
  const account = await findDelegatedAccount(q, actor, input.accountId);
  if (!account) return failure("not-found");
  const [row] = await q
    .select({ fileName: certificates.fileName, content: certificates.content })
    .from(certificates)
    .where(and(eq(certificates.id, input.certificateId), eq(certificates.accountId, account.id)));
  if (!row) return failure("not-found");
  return { ok: true, fileName: row.fileName, content: row.content };
}
