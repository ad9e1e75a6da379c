import "server-only";
import { and, eq } from "drizzle-orm";
import sshpk from "sshpk";
import { recordEvent } from "@/lib/audit/record";
import { verifySecret } from "@/lib/auth/password";
import { joinSenderOwner } from "@/lib/channels/queries";
import { getDb, type Queryable } from "@/lib/db/client";
import { accounts, enterpriseQualities, senders } from "@/lib/db/schema";
import { reserveAttempt, settleAttempt } from "@/lib/security/throttle";
import { throttlePolicies } from "@/lib/security/throttle-policy";
import { normalizeUsername } from "@/lib/rules/username";

/**
 * Authentication of the batch servers (issue 15, SPEC §3–§4): SFTP by the public key registered on the
 * SFTP account of that username, FTP by the FTP account's password (argon2id). FTP and SFTP accounts of
 * one sender may share a username (SPEC §4.1), so the account is always looked up with its type.
 *
 * Attempts are throttled like web sign-ins with the shared atomic throttle (lib/security/throttle.ts,
 * scopes `sftp` and `ftp`: 5 per username, 20 per address, 15 minutes), counted before the credential is
 * checked so that the limit holds across processes and parallel connections; each login, failure,
 * refusal and lock-out is journaled for the sender's managers.
 */

export type Channel = "FTP" | "SFTP";

/** What a logged-in session knows about its account; `stamp` detects a replaced key or password. */
export interface TransferAccount {
  accountId: string;
  channel: Channel;
  username: string;
  senderId: string;
  senderNumber: string;
  enterpriseId: string;
  qualityId: number;
  /** SFTP: the key's SHA256 fingerprint; FTP: the password hash. Compared on every operation. */
  stamp: string;
}

export type TransferLogin = { ok: true; account: TransferAccount } | { ok: false; reason: "invalid" | "throttled" };

async function findAccount(q: Queryable, channel: Channel, username: string) {
  const [row] = await joinSenderOwner(q
    .select({
      accountId: accounts.id,
      username: accounts.username,
      passwordHash: accounts.passwordHash,
      sshPublicKey: accounts.sshPublicKey,
      sshFingerprint: accounts.sshFingerprint,
      senderId: accounts.senderId,
      senderNumber: senders.senderNumber,
      enterpriseId: enterpriseQualities.enterpriseId,
      qualityId: enterpriseQualities.qualityId,
    })
    .from(accounts)
    .innerJoin(senders, eq(senders.id, accounts.senderId))
    .$dynamic())
    .where(and(eq(accounts.type, channel), eq(accounts.usernameNormalized, normalizeUsername(username))))
    .limit(1);
  return row;
}

function subjectOf(username: string): string {
  return normalizeUsername(username.trim()).slice(0, 100);
}

type Found = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

function toAccount(channel: Channel, row: Found): TransferAccount {
  return {
    accountId: row.accountId,
    channel,
    username: row.username ?? "",
    senderId: row.senderId,
    senderNumber: row.senderNumber,
    enterpriseId: row.enterpriseId,
    qualityId: row.qualityId,
    stamp: (channel === "SFTP" ? row.sshFingerprint : row.passwordHash) ?? "",
  };
}

function journalBase(username: string, ip: string, row: Found | undefined) {
  return {
    actorLabel: username.slice(0, 100),
    enterpriseId: row?.enterpriseId ?? null,
    qualityId: row?.qualityId ?? null,
    senderId: row?.senderId ?? null,
    targetType: "account",
    targetId: row?.accountId ?? username.slice(0, 100),
    ip,
  };
}

/**
 * Counts the attempt before the credential is checked (lib/security/throttle.ts, scopes `ftp`/`sftp`),
 * then runs `check` and records its outcome with the journal events in one transaction.
 */
async function throttledLogin(channel: Channel, username: string, ip: string, check: (row: Found | undefined) => Promise<boolean>): Promise<TransferLogin> {
  const db = await getDb();
  const scope = channel === "SFTP" ? "sftp" : "ftp";
  const reservation = await reserveAttempt(db, { scope, subject: subjectOf(username), address: ip });
  const row = await findAccount(db, channel, username);
  const base = journalBase(username, ip, row);
  if (!reservation.ok) {
    await recordEvent(db, { ...base, action: "transfer.login-throttled", summary: { channel, limit: reservation.reason, retryAfterSeconds: reservation.retryAfterSeconds } });
    return { ok: false, reason: "throttled" };
  }
  let ok = false;
  try {
    ok = Boolean(row) && (await check(row));
  } finally {
    await db.transaction(async (tx) => {
      const settled = await settleAttempt(tx, reservation.attemptId, ok);
      await recordEvent(tx, { ...base, action: ok ? "transfer.login" : "transfer.login-failed", summary: { channel } });
      if (settled.lockedOut) {
        const minutes = throttlePolicies[scope].windowMinutes;
        await recordEvent(tx, { ...base, action: "transfer.locked-out", summary: { channel, minutes, limit: settled.lockedOut, ...settled.failures } });
      }
    });
  }
  return ok && row ? { ok: true, account: toAccount(channel, row) } : { ok: false, reason: "invalid" };
}

/** The SSH wire form (RFC 4253 §6.6) of the key registered on an account, or null. */
export function registeredKeyBlob(sshPublicKey: string | null): Buffer | null {
  if (!sshPublicKey) return null;
  try {
    return sshpk.parseKey(sshPublicKey, "auto").toBuffer("rfc4253");
  } catch {
    return null;
  }
}

/**
 * SFTP public-key login. `keyBlob` is the key the client offers (wire form); `proofOk` tells whether
 * the client proved it holds the private key (ssh2 checks the signature). Returns the account when
 * the key is the one registered on the SFTP account of `username` and the proof holds.
 */
export async function loginWithKey(username: string, keyBlob: Buffer, proofOk: boolean, ip: string): Promise<TransferLogin> {
  return throttledLogin("SFTP", username, ip, async (row) => {
    const registered = registeredKeyBlob(row?.sshPublicKey ?? null);
    return Boolean(registered && registered.equals(keyBlob) && proofOk);
  });
}

/** Whether `keyBlob` is the key registered for `username` (SSH's key query before the signature). */
export async function keyIsRegistered(username: string, keyBlob: Buffer): Promise<boolean> {
  const row = await findAccount(await getDb(), "SFTP", username);
  const registered = registeredKeyBlob(row?.sshPublicKey ?? null);
  return Boolean(registered?.equals(keyBlob));
}

/** Records a failed SFTP login that never reached a signature (an offered key that is not registered). */
export async function recordKeyRefusal(username: string, ip: string): Promise<TransferLogin> {
  return throttledLogin("SFTP", username, ip, async () => false);
}

/** FTP login: username and password of the FTP account (unknown usernames cost the same argon2 work). */
export async function loginWithPassword(username: string, password: string, ip: string): Promise<TransferLogin> {
  return throttledLogin("FTP", username, ip, async (row) => verifySecret(row?.passwordHash, password.slice(0, 200)));
}

/**
 * Whether the session's account still exists with the same key or password: a deleted account or a
 * replaced credential stops the session's next operation (issue 15: « stop working at once »).
 * `deleted`: no such account any more (the sender is told so when the connection is closed);
 * `changed`: renamed, or its key or password replaced.
 */
export async function accountStatus(account: TransferAccount): Promise<"valid" | "deleted" | "changed"> {
  const [row] = await (await getDb())
    .select({ fingerprint: accounts.sshFingerprint, passwordHash: accounts.passwordHash, username: accounts.usernameNormalized })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.type, account.channel)))
    .limit(1);
  if (!row) return "deleted";
  if (row.username !== normalizeUsername(account.username)) return "changed";
  return (account.channel === "SFTP" ? row.fingerprint : row.passwordHash) === account.stamp ? "valid" : "changed";
}
