import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { hashSecret } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { accountPermissions, accounts, certificates, technicalUsernames } from "@/lib/db/schema";
import { generateClientId } from "@/lib/rules/client-id";
import { checkPassword } from "@/lib/rules/password";
import { checkUsername, normalizeUsername, usernameTaken } from "@/lib/rules/username";
import { certificateRow } from "./certificate-row";
import { foreignKeyViolation, uniqueViolation } from "@/lib/services/result";
import { resolvePermissions, type AccountType } from "./permissions";
import { actingSender, auditActor, failure, fieldFailures, type FieldFailure, type ServiceActor, type ServiceResult } from "./service";
import { uploadNotes, verifyCertificate, verifySshKey, type UploadNote, type UploadedFile } from "./trust-store";
import type { SshKeyDetails } from "@/lib/rules/ssh-key";

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

/** The constraint a failed write hit: a unique violation, or the username-owner foreign key. */
function violatedConstraint(error: unknown): string | null {
  return uniqueViolation(error) ?? foreignKeyViolation(error);
}

/** Maps the database's "only one" guarantees to the rule codes (SPEC §3, §4.1). */
function constraintFailure(constraint: string | null, input: { type: AccountType; username?: string }) {
  if (constraint === "one_account_per_single_type") return failure("account.single-type-exists", { type: input.type });
  // Another sender holds the username, or this sender already has an account of this type with it.
  if (constraint === "accounts_username_owner_fk" || constraint === "accounts_username_type_uq") {
    const taken = usernameTaken(input.username ?? "");
    return failure(taken.code, taken.params, "username");
  }
  return null;
}

/**
 * SPEC §4.1 (issue 12): a username is taken when ANOTHER sender holds it, or when another account of
 * the same type uses it. The sender's own FTP username is free for its SFTP account and vice versa.
 * A friendly early answer only: the foreign key and unique index decide races.
 */
async function usernameInUse(
  db: Db,
  input: { username: string; senderId: string; type: AccountType; exceptAccountId?: string },
): Promise<boolean> {
  const normalized = normalizeUsername(input.username);
  const [claim] = await db
    .select({ senderId: technicalUsernames.senderId })
    .from(technicalUsernames)
    .where(eq(technicalUsernames.usernameNormalized, normalized))
    .limit(1);
  if (claim && claim.senderId !== input.senderId) return true;
  const sameType = and(eq(accounts.usernameNormalized, normalized), eq(accounts.type, input.type));
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(input.exceptAccountId ? and(sameType, ne(accounts.id, input.exceptAccountId)) : sameType)
    .limit(1);
  return rows.length > 0;
}

/**
 * Claims `username` for the sender inside the account's transaction (no-op when the sender already
 * holds it). If another sender holds it, the account write that follows fails on
 * accounts_username_owner_fk, which constraintFailure turns into username.taken.
 */
async function claimUsername(tx: Pick<Db, "insert">, username: string, senderId: string): Promise<void> {
  await tx.insert(technicalUsernames).values({ usernameNormalized: normalizeUsername(username), senderId }).onConflictDoNothing();
}

/** The fields of a new account that have their own rule; absent ones (not well-shaped) are not checked. */
export interface CreateFieldsToCheck {
  type: AccountType;
  username?: string | undefined;
  password?: string | undefined;
  sshPublicKey?: string | undefined;
  permissionIds?: number[] | undefined;
  certificate?: UploadedFile | undefined;
}

/**
 * Checks each present field of a new account against its rule (username SPEC §4.1 and its uniqueness,
 * password §4.2, SSH key §4.3, permissions §3, certificate §4.4) and collects every problem, so the form
 * shows them all at once (issue 13). Read-only. `perms`/`cert` are undefined when their field is absent.
 */
async function checkCreateFields(db: Db, senderId: string, input: CreateFieldsToCheck) {
  const problems: FieldFailure[] = [];
  let username: string | undefined;
  let ssh: SshKeyDetails | undefined;
  if ((input.type === "FTP" || input.type === "SFTP") && input.username !== undefined) {
    const checked = checkUsername(input.username);
    if (!checked.ok) problems.push({ field: "username", code: checked.code, params: checked.params });
    else if (await usernameInUse(db, { username: checked.value, senderId, type: input.type })) {
      // Reported with the other field problems; the unique index still decides races.
      const taken = usernameTaken(checked.value);
      problems.push({ field: "username", code: taken.code, params: taken.params });
    } else username = checked.value;
  }
  if (input.type === "FTP" && input.password !== undefined) {
    const checked = checkPassword(input.password);
    if (!checked.ok) problems.push({ field: "password", code: checked.code, params: checked.params });
  }
  if (input.type === "SFTP" && input.sshPublicKey !== undefined) {
    const checked = verifySshKey(input.sshPublicKey);
    if (checked.ok) ssh = checked;
    else problems.push({ field: "sshPublicKey", code: checked.code, params: checked.params });
  }
  const permissionIds = input.type === "SOAP" ? [] : input.permissionIds;
  const perms = permissionIds === undefined ? undefined : await resolvePermissions(db, input.type, permissionIds);
  if (perms && !perms.ok) problems.push({ field: "permissions", code: perms.code, params: perms.params });
  const cert = input.certificate === undefined ? undefined : await verifyCertificate(db, input.certificate, input.type);
  if (cert && !cert.ok) problems.push({ field: "certificate", code: cert.code, params: cert.params });
  return { problems, username, ssh, perms, cert };
}

/**
 * For a create form whose shape check failed: the rule problems of the fields that did pass it, so they
 * are shown with the shape errors rather than one round later (issue 13 « all field errors at once »).
 * Read-only; the acting sender comes from the actor, never from the form.
 */
export async function createAccountFieldProblems(db: Db, actor: ServiceActor, input: CreateFieldsToCheck): Promise<FieldFailure[]> {
  const sender = actingSender(actor);
  if (!sender.ok) return [];
  return (await checkCreateFields(db, sender.senderId, input)).problems;
}

/**
 * Creates an FTP, SFTP, SOAP or REST account with its permissions and first certificate
 * (SPEC §3, §4). Every rule is checked before anything is written; the write is one transaction
 * and the database's unique indexes decide races ("only one" FTP/SFTP/SOAP, unique usernames).
 */
export async function createAccount(
  db: Db,
  actor: ServiceActor,
  input: CreateAccountInput,
): Promise<ServiceResult<{ accountId: string; notes: UploadNote[] }>> {
  const sender = actingSender(actor);
  if (!sender.ok) return sender;
  const senderNumber = actor.ctx.senderNumber ?? "";

  const { problems, username, ssh, perms, cert } = await checkCreateFields(db, sender.senderId, input);
  const refused = fieldFailures(problems);
  if (refused || !perms?.ok || !cert?.ok) return refused ?? failure("input.invalid");

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
        if (username) await claimUsername(tx, username, sender.senderId);
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
      return { ok: true, accountId, notes: uploadNotes({ ...(ssh ? { ssh } : {}), certificate: cert.reading }) };
    } catch (error) {
      const constraint = violatedConstraint(error);
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

export { claimUsername, constraintFailure, usernameInUse, violatedConstraint };
