import "server-only";
import { and, count, eq, type SQL } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable, Tx } from "@/lib/db/client";
import { accounts, certificates, delegations } from "@/lib/db/schema";
import { checkCertificateNotOnAccount, type CertificateOnAccount } from "@/lib/rules/certificate-duplicate";
import { uniqueViolation } from "@/lib/services/result";
import { certificateRow } from "./certificate-row";
import { actingSender, auditActor, failure, type ServiceActor, type ServiceFailure, type ServiceResult } from "./service";
import { uploadNotes, verifyCertificate, type UploadNote, type UploadedFile } from "./trust-store";

/**
 * Who manages an account's certificates (SPEC §3, §5): the enterprise itself for accounts with
 * « Gestion interne », the technical intermediary for a delegated REST account. Issue 5 builds an
 * intermediary party (scope = accounts delegated to it, manages = "intermediary") and calls the
 * same functions below, so both sides obey the same rules and locks.
 */
export interface CertificateParty {
  /** Restricts the account lookup to what this party may see (a WHERE condition on `accounts`). */
  scope: SQL;
  /** The certificate management this party is responsible for. */
  manages: "internal" | "intermediary";
  /** The audit fields of the actor. */
  audit: ReturnType<typeof auditActor>;
}

/** The enterprise acting for its own sender: only its accounts, only internally managed certificates. */
export function enterpriseParty(actor: ServiceActor): { ok: true; party: CertificateParty } | ServiceFailure {
  const sender = actingSender(actor);
  if (!sender.ok) return sender;
  return { ok: true, party: { scope: eq(accounts.senderId, sender.senderId), manages: "internal", audit: auditActor(actor) } };
}

type PartyAccount = { id: string; senderId: string; type: "FTP" | "SFTP" | "SOAP" | "REST"; name: string };

/** The account as this party sees it; locked FOR UPDATE when `tx` mutates its certificates. */
async function accountFor(q: Queryable | Tx, party: CertificateParty, accountId: string, lock: boolean): Promise<ServiceResult<{ account: PartyAccount }>> {
  const query = q
    .select({ id: accounts.id, senderId: accounts.senderId, type: accounts.type, name: accounts.name, management: accounts.certificateManagement })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), party.scope))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return failure("not-found");
  // SPEC §5: the enterprise does not see the certificates of a delegated account, and vice versa.
  if (row.management !== party.manages) return failure(party.manages === "internal" ? "account.certificates-delegated" : "not-found");
  return { ok: true, account: { id: row.id, senderId: row.senderId, type: row.type, name: row.name } };
}

/** What the journal keeps of a certificate (never its content). */
export function certificateSummary(row: { id?: string; name: string; fileName: string; serialNumber: string; sha256Fingerprint: string }) {
  return { id: row.id, name: row.name, fileName: row.fileName, serialNumber: row.serialNumber, sha256Fingerprint: row.sha256Fingerprint };
}

/** The accepted delegation of a REST account (at most one is live, a unique index says so). */
async function liveDelegationOf(tx: Tx, accountId: string): Promise<string | null> {
  const [live] = await tx
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(eq(delegations.accountId, accountId), eq(delegations.status, "accepted")))
    .limit(1);
  return live?.id ?? null;
}

export interface CertificateUpload {
  accountId: string;
  certificate: UploadedFile;
  certificateName: string;
}

/**
 * « Remplacer le certificat » (FTP, SFTP, SOAP: exactly one certificate, replace only, with a new
 * name) and « Ajouter un certificat » (REST: one or more) — SPEC §3, checked per SPEC §4.4.
 */
export async function uploadCertificate(
  db: Db,
  party: CertificateParty,
  input: CertificateUpload & { mode: "replace" | "add" },
  uploadedBy: string | null,
): Promise<ServiceResult<{ certificateId: string; notes: UploadNote[] }>> {
  const found = await accountFor(db, party, input.accountId, false);
  if (!found.ok) return found;
  const { account } = found;
  if (input.mode === "add" && account.type !== "REST") return failure("account.certificate-add-rest-only", { type: account.type });
  if (input.mode === "replace" && account.type === "REST") return failure("input.invalid");
  const checked = await verifyCertificate(db, input.certificate, account.type);
  if (!checked.ok) return failure(checked.code, checked.params, "certificate");

  try {
    return await db.transaction(async (tx): Promise<ServiceResult<{ certificateId: string; notes: UploadNote[] }>> => {
      const locked = await accountFor(tx, party, input.accountId, true);
      if (!locked.ok) return locked;
      if (input.mode === "add") {
        // Read under the account's lock, so two parallel uploads of one file are serialised (the index decides anyway).
        const duplicate = checkCertificateNotOnAccount(checked.details.sha256Fingerprint, await certificatesOnAccount(tx, account.id));
        if (!duplicate.ok) return failure(duplicate.code, duplicate.params, "certificate");
      }
      const row = certificateRow({
        accountId: account.id,
        name: input.certificateName,
        fileName: input.certificate.fileName,
        content: input.certificate.bytes,
        details: checked.details,
        uploadedBy,
        // Issue 19: an intermediary's certificate is tied to its delegation, and goes when that ends.
        delegationId: party.manages === "intermediary" ? await liveDelegationOf(tx, account.id) : null,
      });
      const before =
        input.mode === "replace"
          ? await tx.delete(certificates).where(eq(certificates.accountId, account.id)).returning({
              id: certificates.id, name: certificates.name, fileName: certificates.fileName, serialNumber: certificates.serialNumber, sha256Fingerprint: certificates.sha256Fingerprint,
            })
          : [];
      const [inserted] = await tx.insert(certificates).values(row).returning({ id: certificates.id });
      if (!inserted) throw new Error("certificate insert returned no row");
      await tx.update(accounts).set({ updatedAt: new Date() }).where(eq(accounts.id, account.id));
      await recordEvent(tx, {
        ...party.audit,
        senderId: account.senderId,
        action: input.mode === "replace" ? "certificate.replace" : "certificate.add",
        targetType: "account",
        targetId: account.id,
        targetLabel: account.name,
        // SPEC §5: the intermediary's certificate actions show in its own journal too.
        partyEnterpriseId: party.manages === "intermediary" ? party.audit.enterpriseId : null,
        summary: {
          ...(before.length > 0 ? { before: before.map(certificateSummary) } : {}),
          after: certificateSummary({ ...row, id: inserted.id, serialNumber: row.serialNumber, sha256Fingerprint: row.sha256Fingerprint }),
        },
      });
      return { ok: true as const, certificateId: inserted.id, notes: uploadNotes({ certificate: checked.reading }) };
    });
  } catch (error) {
    // The unique index is the guarantee when the early check could not see the other write.
    const constraint = uniqueViolation(error);
    if (constraint !== "certificates_account_fingerprint_uq" && constraint !== "") throw error;
    return failure("cert.duplicate", { name: "none", fingerprint: checked.details.sha256Fingerprint }, "certificate");
  }
}

/**
 * The fingerprints and names of the account's certificates. The party that may add one sees them all
 * (the enterprise its own; the intermediary, during the delegation, every certificate of the account —
 * lib/delegation/delegated-account.ts), so the refusal may name the one already there.
 */
async function certificatesOnAccount(tx: Tx, accountId: string): Promise<CertificateOnAccount[]> {
  return tx.select({ name: certificates.name, sha256Fingerprint: certificates.sha256Fingerprint }).from(certificates).where(eq(certificates.accountId, accountId));
}

/**
 * Deletes one certificate of a REST account, never the last one (SPEC §3). The account row is
 * locked FOR UPDATE first, so two parallel deletes of the last two certificates are serialised
 * and the second one sees a single certificate left.
 */
export async function deleteRestCertificate(db: Db, party: CertificateParty, input: { accountId: string; certificateId: string }): Promise<ServiceResult> {
  return db.transaction(async (tx): Promise<ServiceResult> => {
    const found = await accountFor(tx, party, input.accountId, true);
    if (!found.ok) return found;
    const { account } = found;
    const [target] = await tx
      .select({ id: certificates.id, name: certificates.name, fileName: certificates.fileName, serialNumber: certificates.serialNumber, sha256Fingerprint: certificates.sha256Fingerprint })
      .from(certificates)
      .where(and(eq(certificates.id, input.certificateId), eq(certificates.accountId, account.id)));
    if (!target) return failure("not-found");
    if (account.type !== "REST") return failure("account.certificate-add-rest-only", { type: account.type });
    const [remaining] = await tx.select({ n: count() }).from(certificates).where(eq(certificates.accountId, account.id));
    if ((remaining?.n ?? 0) <= 1) return failure("account.last-certificate");
    await tx.delete(certificates).where(and(eq(certificates.id, target.id), eq(certificates.accountId, account.id)));
    await tx.update(accounts).set({ updatedAt: new Date() }).where(eq(accounts.id, account.id));
    await recordEvent(tx, {
      ...party.audit,
      senderId: account.senderId,
      action: "certificate.delete",
      targetType: "account",
      targetId: account.id,
      targetLabel: account.name,
      // SPEC §5: the intermediary's certificate actions show in its own journal too.
      partyEnterpriseId: party.manages === "intermediary" ? party.audit.enterpriseId : null,
      summary: { before: certificateSummary(target) },
    });
    return { ok: true };
  });
}

/** The original file, byte for byte, for « Télécharger le certificat » (SPEC §4.4). */
export async function certificateFile(
  q: Queryable,
  party: CertificateParty,
  input: { accountId: string; certificateId: string },
): Promise<ServiceResult<{ fileName: string; content: Uint8Array }>> {
  const found = await accountFor(q, party, input.accountId, false);
  if (!found.ok) return found;
  const [row] = await q
    .select({ fileName: certificates.fileName, content: certificates.content })
    .from(certificates)
    .where(and(eq(certificates.id, input.certificateId), eq(certificates.accountId, found.account.id)));
  if (!row) return failure("not-found");
  return { ok: true, fileName: row.fileName, content: row.content };
}
