import "server-only";
import { and, eq } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { hashSecret } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db/client";
import { accountPermissions, accounts, permissions } from "@/lib/db/schema";
import { checkPassword } from "@/lib/rules/password";
import { checkUsername, normalizeUsername, usernameTaken } from "@/lib/rules/username";
import { claimUsername, constraintFailure, findOwnAccount, usernameInUse, violatedConstraint } from "./accounts";
import { resolvePermissions } from "./permissions";
import { actingSender, auditActor, failure, fieldFailures, type FieldFailure, type ServiceActor, type ServiceResult } from "./service";
import { uploadNotes, verifySshKey, type UploadNote } from "./trust-store";
import type { SshKeyDetails } from "@/lib/rules/ssh-key";

type OwnAccount = NonNullable<Awaited<ReturnType<typeof findOwnAccount>>>;
type Owned = { senderId: string; account: OwnAccount };

/**
 * Every edit starts here: Chaman access first, then the account must belong to the acting
 * sender, so an id of another sender's account is refused as unknown rather than as forbidden.
 */
async function ownAccount(db: Db, actor: ServiceActor, accountId: string): Promise<ServiceResult<Owned>> {
  const sender = actingSender(actor);
  if (!sender.ok) return sender;
  const account = await findOwnAccount(db, sender.senderId, accountId);
  return account ? { ok: true, senderId: sender.senderId, account } : failure("not-found");
}

/** The audit event of an edit, written in the edit's own transaction so both land or neither. */
function auditAccount(tx: Tx, actor: ServiceActor, own: Owned, action: AuditAction, summary: Record<string, unknown>): Promise<void> {
  return recordEvent(tx, { ...auditActor(actor), senderId: own.senderId, action, targetType: "account", targetId: own.account.id, targetLabel: own.account.name, summary });
}

/** « Modifier le nom du compte » (SPEC §3: the name stays editable for every type). */
export async function renameAccount(db: Db, actor: ServiceActor, input: { accountId: string; name: string }): Promise<ServiceResult> {
  const own = await ownAccount(db, actor, input.accountId);
  if (!own.ok) return own;
  const { senderId, account } = own;
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ name: input.name, updatedAt: new Date() }).where(and(eq(accounts.id, account.id), eq(accounts.senderId, senderId)));
    await auditAccount(tx, actor, own, "account.rename", { before: { name: account.name }, after: { name: input.name } });
  });
  return { ok: true };
}

/** « Modifier les permissions sécurisées »: FTP, SFTP and REST, at least one (SPEC §3). */
export async function updatePermissions(db: Db, actor: ServiceActor, input: { accountId: string; permissionIds: number[] }): Promise<ServiceResult> {
  const own = await ownAccount(db, actor, input.accountId);
  if (!own.ok) return own;
  const { account } = own;
  if (account.type === "SOAP") return failure("input.invalid");
  const perms = await resolvePermissions(db, account.type, input.permissionIds);
  if (!perms.ok) return perms;
  await db.transaction(async (tx) => {
    const before = await tx
      .select({ code: permissions.code })
      .from(accountPermissions)
      .innerJoin(permissions, eq(permissions.id, accountPermissions.permissionId))
      .where(eq(accountPermissions.accountId, account.id));
    // Issue 17: a permission retired from the catalogue cannot be chosen again, but stays where it is held.
    const keptRetired = await tx
      .select({ id: permissions.id, code: permissions.code })
      .from(accountPermissions)
      .innerJoin(permissions, eq(permissions.id, accountPermissions.permissionId))
      .where(and(eq(accountPermissions.accountId, account.id), eq(permissions.active, false)));
    await tx.delete(accountPermissions).where(eq(accountPermissions.accountId, account.id));
    await tx.insert(accountPermissions).values([...perms.rows, ...keptRetired].map((p) => ({ accountId: account.id, permissionId: p.id })));
    await tx.update(accounts).set({ updatedAt: new Date() }).where(eq(accounts.id, account.id));
    await auditAccount(tx, actor, own, "account.permissions", {
      before: { permissions: before.map((p) => p.code).sort() },
      after: { permissions: [...perms.rows, ...keptRetired].map((p) => p.code).sort() },
    });
  });
  return { ok: true };
}

export type CredentialsInput =
  | { accountId: string; username: string; password: string }
  | { accountId: string; username: string; sshPublicKey: string };

/**
 * « Modifier les identifiants »: username and password (FTP), username and SSH key (SFTP)
 * (SPEC §3, §4.1–§4.3). The new password is hashed; neither it nor its hash reaches the audit.
 */
export async function updateCredentials(db: Db, actor: ServiceActor, input: CredentialsInput): Promise<ServiceResult<{ notes: UploadNote[] }>> {
  const own = await ownAccount(db, actor, input.accountId);
  if (!own.ok) return own;
  const { senderId, account } = own;
  const expectsPassword = "password" in input;
  if (!(account.type === "FTP" && expectsPassword) && !(account.type === "SFTP" && !expectsPassword)) return failure("input.invalid");

  const problems: FieldFailure[] = [];
  const user = checkUsername(input.username);
  if (!user.ok) problems.push({ field: "username", code: user.code, params: user.params });
  else if (await usernameInUse(db, { username: user.value, senderId, type: account.type, exceptAccountId: account.id })) {
    const taken = usernameTaken(user.value);
    problems.push({ field: "username", code: taken.code, params: taken.params });
  }
  let ssh: SshKeyDetails | undefined;
  if ("password" in input) {
    const pw = checkPassword(input.password);
    if (!pw.ok) problems.push({ field: "password", code: pw.code, params: pw.params });
  } else {
    const key = verifySshKey(input.sshPublicKey);
    if (key.ok) ssh = key;
    else problems.push({ field: "sshPublicKey", code: key.code, params: key.params });
  }
  const refused = fieldFailures(problems);
  if (refused || !user.ok) return refused ?? failure("input.invalid");
  const passwordHash = "password" in input ? await hashSecret(input.password) : undefined;
  try {
    await db.transaction(async (tx) => {
      await claimUsername(tx, user.value, senderId);
      await tx
        .update(accounts)
        .set({
          username: user.value,
          usernameNormalized: normalizeUsername(user.value),
          ...(passwordHash ? { passwordHash } : {}),
          ...(ssh ? { sshPublicKey: ssh.openssh, sshKeyType: ssh.type, sshKeyBits: ssh.bits, sshFingerprint: ssh.fingerprint } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(accounts.id, account.id), eq(accounts.senderId, senderId)));
      await auditAccount(tx, actor, own, "account.credentials", {
        before: { username: account.username, ...(ssh ? { sshFingerprint: account.sshFingerprint } : {}) },
        after: { username: user.value, ...(ssh ? { sshFingerprint: ssh.fingerprint } : { passwordChanged: true }) },
      });
    });
  } catch (error) {
    const mapped = constraintFailure(violatedConstraint(error), { type: account.type, username: user.value });
    if (mapped) return mapped;
    throw error;
  }
  return { ok: true, notes: uploadNotes(ssh ? { ssh } : {}) };
}

/** « Supprimer le compte » after the confirmation dialog; certificates and permissions go with it. */
export async function deleteAccount(db: Db, actor: ServiceActor, input: { accountId: string }): Promise<ServiceResult> {
  const own = await ownAccount(db, actor, input.accountId);
  if (!own.ok) return own;
  const { senderId, account } = own;
  const deleted = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(accounts)
      .where(and(eq(accounts.id, account.id), eq(accounts.senderId, senderId)))
      .returning({ id: accounts.id });
    if (rows.length === 0) return false;
    await auditAccount(tx, actor, own, "account.delete", { before: { type: account.type, name: account.name, ...(account.username ? { username: account.username } : {}) } });
    return true;
  });
  return deleted ? { ok: true } : failure("not-found");
}
