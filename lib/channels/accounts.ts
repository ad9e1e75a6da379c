import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { hashSecret } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { accountPermissions, accounts, certificates } from "@/lib/db/schema";
import { generateClientId } from "@/lib/rules/client-id";
import { checkPassword } from "@/lib/rules/password";
import { checkUsername, normalizeUsername, usernameTaken } from "@/lib/rules/username";
import { certificateRow } from "./certificate-row";
import { uniqueViolation } from "@/lib/services/result";
import { resolvePermissions, type AccountType } from "./permissions";
import { actingSender, auditActor, failure, fieldFailures, type FieldFailure, type ServiceActor, type ServiceResult } from "./service";
import { verifyCertificate, verifySshKey, type UploadedFile } from "./trust-store";

export type CreateAccountInput = {
  name: string;
  certificate: UploadedFile;
  certificateName: string;
} & (
  | { type: "FTP"; permissionIds: number[]; username: string; password: string }
  | { type: "SFTP"; permissionIds: number[]; username: string; sshPublicKey: string }
  | { type: "SOAP" }
  | { type: "REST"; permissionIds: number[] }
);

export const SINGLE_TYPES: readonly AccountType[] = ["FTP", "SFTP", "SOAP"];

/** Maps the database's "only one" guarantees to the rule codes (SPEC §3, §4.1). */
function constraintFailure(constraint: string | null, input: { type: AccountType; username?: string }) {
  if (constraint === "one_account_per_single_type") return failure("account.single-type-exists", { type: input.type });
  if (constraint === "accounts_username_normalized_uq") {
    const taken = usernameTaken(input.username ?? "");
    return failure(taken.code, taken.params, "username");
  }
  return null;
}

async function usernameInUse(db: Db, username: string, exceptAccountId?: string): Promise<boolean> {
  const normalized = normalizeUsername(username);
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(exceptAccountId ? and(eq(accounts.usernameNormalized, normalized), ne(accounts.id, exceptAccountId)) : eq(accounts.usernameNormalized, normalized))
    .limit(1);
  return rows.length > 0;
}

/**
 * Creates an FTP, SFTP, SOAP or REST account with its permissions and first certificate
 * (SPEC §3, §4). Every rule is checked before anything is written; the write is one transaction
 * and the database's unique indexes decide races ("only one" FTP/SFTP/SOAP, unique usernames).
 */
export async function createAccount(db: Db, actor: ServiceActor, input: CreateAccountInput): Promise<ServiceResult<{ accountId: string }>> {
  const sender = actingSender(actor);
  if (!sender.ok) return sender;
  const senderNumber = actor.ctx.senderNumber ?? "";

  const problems: FieldFailure[] = [];
  let username: string | undefined;
  let ssh: { openssh: string; type: string; bits: number; fingerprint: string } | undefined;
  if (input.type === "FTP" || input.type === "SFTP") {
    const checked = checkUsername(input.username);
    if (!checked.ok) problems.push({ field: "username", code: checked.code, params: checked.params });
    else if (await usernameInUse(db, checked.value)) {
      // Reported with the other field problems; the unique index still decides races below.
      const taken = usernameTaken(checked.value);
      problems.push({ field: "username", code: taken.code, params: taken.params });
    } else username = checked.value;
  }
  if (input.type === "FTP") {
    const checked = checkPassword(input.password);
    if (!checked.ok) problems.push({ field: "password", code: checked.code, params: checked.params });
  }
  if (input.type === "SFTP") {
    const checked = verifySshKey(input.sshPublicKey);
    if (checked.ok) ssh = checked;
    else problems.push({ field: "sshPublicKey", code: checked.code, params: checked.params });
  }
  const perms = await resolvePermissions(db, input.type, input.type === "SOAP" ? [] : input.permissionIds);
  if (!perms.ok) problems.push({ field: "permissions", code: perms.code, params: perms.params });
  const cert = await verifyCertificate(db, input.certificate, input.type);
  if (!cert.ok) problems.push({ field: "certificate", code: cert.code, params: cert.params });
  const refused = fieldFailures(problems);
  if (refused || !perms.ok || !cert.ok) return refused ?? failure("input.invalid");

  // Friendly early answers; the unique indexes below remain the real guarantee under races.
  if (SINGLE_TYPES.includes(input.type)) {
    const existing = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.senderId, sender.senderId), eq(accounts.type, input.type)))
      .limit(1);
    if (existing.length > 0) return failure("account.single-type-exists", { type: input.type });
  }
  // Slow hash outside the transaction; the password itself is never stored nor logged (SPEC §4.2).
  const passwordHash = input.type === "FTP" ? await hashSecret(input.password) : null;

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const accountId = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(accounts)
          .values({
            senderId: sender.senderId,
            type: input.type,
            name: input.name,
            username: username ?? null,
            usernameNormalized: username ? normalizeUsername(username) : null,
            passwordHash,
            sshPublicKey: ssh?.openssh ?? null,
            sshKeyType: ssh?.type ?? null,
            sshKeyBits: ssh?.bits ?? null,
            sshFingerprint: ssh?.fingerprint ?? null,
            // SPEC §3: every REST account gets an immutable, unique Client ID.
            clientId: input.type === "REST" ? generateClientId(senderNumber) : null,
          })
          .returning({ id: accounts.id, clientId: accounts.clientId });
        if (!row) throw new Error("account insert returned no row");
        if (perms.rows.length > 0) {
          await tx.insert(accountPermissions).values(perms.rows.map((p) => ({ accountId: row.id, permissionId: p.id })));
        }
        const certRow = certificateRow({
          accountId: row.id,
          name: input.certificateName,
          fileName: input.certificate.fileName,
          content: input.certificate.bytes,
          details: cert.details,
          uploadedBy: actor.userId,
        });
        const [storedCert] = await tx.insert(certificates).values(certRow).returning({ id: certificates.id });
        await recordEvent(tx, {
          ...auditActor(actor),
          senderId: sender.senderId,
          action: "account.create",
          targetType: "account",
          targetId: row.id,
          targetLabel: input.name,
          summary: {
            after: {
              type: input.type,
              name: input.name,
              ...(username ? { username } : {}),
              ...(row.clientId ? { clientId: row.clientId } : {}),
              ...(ssh ? { sshFingerprint: ssh.fingerprint, sshKeyBits: ssh.bits } : {}),
              permissions: perms.rows.map((p) => p.code),
              certificate: { id: storedCert?.id, name: input.certificateName, fileName: input.certificate.fileName, serialNumber: cert.details.serialNumber, sha256Fingerprint: cert.details.sha256Fingerprint },
            },
          },
        });
        return row.id;
      });
      return { ok: true, accountId };
    } catch (error) {
      const constraint = uniqueViolation(error);
      const mapped = constraintFailure(constraint, { type: input.type, username });
      if (mapped) return mapped;
      // The astronomically rare Client ID collision: draw another one.
      if (constraint === "accounts_client_id_unique") continue;
      throw error;
    }
  }
  return failure("conflict.retry");
}

/** The account of the acting sender, or null: another sender's id reveals nothing. */
export async function findOwnAccount(db: Db, senderId: string, accountId: string) {
  const [row] = await db
    .select({ id: accounts.id, type: accounts.type, name: accounts.name, username: accounts.username, sshFingerprint: accounts.sshFingerprint })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.senderId, senderId)))
    .limit(1);
  return row ?? null;
}

export { constraintFailure, usernameInUse };
