import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import sshpk from "sshpk";
import { recordEvent } from "@/lib/audit/record";
import { verifySecret } from "@/lib/auth/password";
import { failureLocks, throttlePolicy, throttleVerdict, type RecentFailures } from "@/lib/auth/throttle-policy";
import { getDb, type Queryable } from "@/lib/db/client";
import { accounts, enterpriseQualities, senders, signInAttempts } from "@/lib/db/schema";
import { normalizeUsername } from "@/lib/rules/username";

/**
 * Authentication of the batch servers (issue 15, SPEC §3–§4): SFTP by the public key registered on the
 * SFTP account of that username, FTP by the FTP account's password (argon2id). FTP and SFTP accounts of
 * one sender may share a username (SPEC §4.1), so the account is always looked up with its type.
 *
 * Failures are throttled like web sign-ins (lib/auth/throttle-policy.ts: 5 per username, 20 per
 * address, 15 minutes), counted in the database before the credential is checked so that the limit
 * holds across processes; each login, failure and lock-out is journaled for the sender's managers.
 * (A shared atomic throttle, lib/security/throttle.ts, was not on main yet: see README.)
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
  const [row] = await q
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
    .innerJoin(enterpriseQualities, eq(enterpriseQualities.id, senders.enterpriseQualityId))
    .where(and(eq(accounts.type, channel), eq(accounts.usernameNormalized, normalizeUsername(username))))
    .limit(1);
  return row;
}

function throttleKey(channel: Channel, username: string): string {
  return `${channel.toLowerCase()}:${username.trim().toLowerCase().slice(0, 100)}`;
}

async function recentFailures(q: Queryable, key: string, ip: string): Promise<RecentFailures> {
  const since = sql`now() - make_interval(mins => ${throttlePolicy.windowMinutes})`;
  const lastSuccess = sql`coalesce((select max(${signInAttempts.at}) from ${signInAttempts} where ${signInAttempts.username} = ${key} and ${signInAttempts.succeeded} = 1), 'epoch'::timestamptz)`;
  const [byUser] = await q
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, key), eq(signInAttempts.succeeded, 0), gt(signInAttempts.at, since), gt(signInAttempts.at, lastSuccess)));
  const [byAddress] = await q
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, 0), gt(signInAttempts.at, since)));
  return { username: byUser?.n ?? 0, address: byAddress?.n ?? 0 };
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

/** Records the attempt and its journal events in one transaction. */
async function recordAttempt(channel: Channel, username: string, ip: string, row: Found | undefined, ok: boolean, before: RecentFailures): Promise<void> {
  const db = await getDb();
  const key = throttleKey(channel, username);
  const base = {
    actorLabel: username.slice(0, 100),
    enterpriseId: row?.enterpriseId ?? null,
    qualityId: row?.qualityId ?? null,
    senderId: row?.senderId ?? null,
    targetType: "account",
    targetId: row?.accountId ?? username.slice(0, 100),
    ip,
  };
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ username: key, ip, succeeded: ok ? 1 : 0 });
    await recordEvent(tx, { ...base, action: ok ? "transfer.login" : "transfer.login-failed", summary: { channel } });
    if (!ok && failureLocks(before)) {
      await recordEvent(tx, { ...base, action: "transfer.locked-out", summary: { channel, minutes: throttlePolicy.windowMinutes, ...before } });
    }
  });
}

async function throttled(channel: Channel, username: string, ip: string): Promise<{ locked: boolean; before: RecentFailures }> {
  const db = await getDb();
  const before = await recentFailures(db, throttleKey(channel, username), ip);
  if (!throttleVerdict(before).locked) return { locked: false, before };
  const row = await findAccount(db, channel, username);
  await recordEvent(db, {
    actorLabel: username.slice(0, 100),
    senderId: row?.senderId ?? null,
    enterpriseId: row?.enterpriseId ?? null,
    action: "transfer.login-throttled",
    targetType: "account",
    targetId: row?.accountId ?? username.slice(0, 100),
    summary: { channel },
    ip,
  });
  return { locked: true, before };
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
  const gate = await throttled("SFTP", username, ip);
  if (gate.locked) return { ok: false, reason: "throttled" };
  const row = await findAccount(await getDb(), "SFTP", username);
  const registered = registeredKeyBlob(row?.sshPublicKey ?? null);
  const ok = Boolean(row && registered && registered.equals(keyBlob) && proofOk);
  await recordAttempt("SFTP", username, ip, row, ok, gate.before);
  return ok && row ? { ok: true, account: toAccount("SFTP", row) } : { ok: false, reason: "invalid" };
}

/** Whether `keyBlob` is the key registered for `username` (SSH's key query before the signature). */
export async function keyIsRegistered(username: string, keyBlob: Buffer): Promise<boolean> {
  const row = await findAccount(await getDb(), "SFTP", username);
  const registered = registeredKeyBlob(row?.sshPublicKey ?? null);
  return Boolean(registered?.equals(keyBlob));
}

/** Records a failed SFTP login that never reached a signature (an offered key that is not registered). */
export async function recordKeyRefusal(username: string, ip: string): Promise<TransferLogin> {
  const gate = await throttled("SFTP", username, ip);
  if (gate.locked) return { ok: false, reason: "throttled" };
  const row = await findAccount(await getDb(), "SFTP", username);
  await recordAttempt("SFTP", username, ip, row, false, gate.before);
  return { ok: false, reason: "invalid" };
}

/** FTP login: username and password of the FTP account (unknown usernames cost the same argon2 work). */
export async function loginWithPassword(username: string, password: string, ip: string): Promise<TransferLogin> {
  const gate = await throttled("FTP", username, ip);
  if (gate.locked) return { ok: false, reason: "throttled" };
  const row = await findAccount(await getDb(), "FTP", username);
  const ok = await verifySecret(row?.passwordHash, password.slice(0, 200));
  await recordAttempt("FTP", username, ip, row, ok, gate.before);
  return ok && row ? { ok: true, account: toAccount("FTP", row) } : { ok: false, reason: "invalid" };
}

/**
 * Whether the session's account still exists with the same key or password: a deleted account or a
 * replaced credential stops the session's next operation (issue 15: « stop working at once »).
 */
export async function accountStillValid(account: TransferAccount): Promise<boolean> {
  const [row] = await (await getDb())
    .select({ fingerprint: accounts.sshFingerprint, passwordHash: accounts.passwordHash, username: accounts.usernameNormalized })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.type, account.channel)))
    .limit(1);
  if (!row || row.username !== normalizeUsername(account.username)) return false;
  return (account.channel === "SFTP" ? row.fingerprint : row.passwordHash) === account.stamp;
}
