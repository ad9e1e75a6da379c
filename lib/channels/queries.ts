import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { PgSelect } from "drizzle-orm/pg-core";
import { accountPermissions, accounts, certificates, enterpriseQualities, enterprises, permissions, qualities, senders } from "@/lib/db/schema";
import { localizedName } from "@/lib/i18n/locales";

// Read models for the pages: only the columns shown, never password hashes nor file bytes.

export interface AccountListItem {
  id: string;
  type: "FTP" | "SFTP" | "SOAP" | "REST";
  name: string;
  clientId: string | null;
  certificateManagement: "internal" | "intermediary";
  /** The FTP/SFTP login (null for SOAP and REST). */
  username: string | null;
  /**
   * End of validity of the account's certificate that expires first, for the home lists' flags (issue 13,
   * expiryStatus); null without certificate, and for a delegated account, whose certificates are the
   * intermediary's and hidden from the enterprise (SPEC §5).
   */
  soonestNotAfter: Date | null;
}

/**
 * The sender's accounts for the home page, oldest first, each with its soonest certificate expiry. One
 * statement (a correlated subquery on certificates_account_idx per account): the home page runs it on
 * every request, and on the embedded database each statement costs the server's only thread
 * (docs/PERFORMANCE.md).
 */
export async function listAccounts(q: Queryable, senderId: string): Promise<AccountListItem[]> {
  return q
    .select({
      id: accounts.id,
      type: accounts.type,
      name: accounts.name,
      clientId: accounts.clientId,
      certificateManagement: accounts.certificateManagement,
      username: accounts.username,
      // Qualified by hand: drizzle writes a selected column unqualified, which the subquery would read as c.id.
      soonestNotAfter: sql<Date | null>`case when "accounts"."certificate_management" = 'internal' then (select min(c.not_after) from certificates c where c.account_id = "accounts"."id") end`.mapWith(certificates.notAfter),
    })
    .from(accounts)
    .where(eq(accounts.senderId, senderId))
    .orderBy(asc(accounts.createdAt), asc(accounts.name));
}

/**
 * The username of the sender's FTP or SFTP account (the older one), proposed when creating the other
 * one (seed 001 §2.4 **); null when it has neither. `list` is listAccounts' answer (oldest first).
 */
export function technicalUsername(list: readonly AccountListItem[]): string | null {
  return list.find((a) => a.type === "FTP" || a.type === "SFTP")?.username ?? null;
}

export interface CertificateView {
  id: string;
  name: string;
  fileName: string;
  subjectCn: string | null;
  subjectO: string | null;
  issuerCn: string | null;
  notAfter: Date;
  serialNumber: string;
  sha256Fingerprint: string;
  keyDescription: string;
}

export interface AccountDetail extends Omit<AccountListItem, "soonestNotAfter"> {
  sshKeyType: string | null;
  sshKeyBits: number | null;
  sshFingerprint: string | null;
  /** `retired`: withdrawn from the catalogue since it was chosen; kept on the account (issue 17). */
  permissions: Array<{ id: number; name: string; retired: boolean }>;
  /** Empty for a delegated account: the enterprise does not see them (SPEC §5). */
  certificates: CertificateView[];
}

/** One account of the acting sender, or null (another sender's id reveals nothing). */
export async function getAccountDetail(q: Queryable, senderId: string, accountId: string, locale: string): Promise<AccountDetail | null> {
  const [account] = await q
    .select({
      id: accounts.id, type: accounts.type, name: accounts.name, clientId: accounts.clientId, certificateManagement: accounts.certificateManagement,
      username: accounts.username, sshKeyType: accounts.sshKeyType, sshKeyBits: accounts.sshKeyBits, sshFingerprint: accounts.sshFingerprint,
    })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.senderId, senderId)))
    .limit(1);
  if (!account) return null;
  const perms = await q
    .select({ id: permissions.id, active: permissions.active, nameFr: permissions.nameFr, nameNl: permissions.nameNl, nameEn: permissions.nameEn, nameDe: permissions.nameDe })
    .from(accountPermissions)
    .innerJoin(permissions, eq(permissions.id, accountPermissions.permissionId))
    .where(eq(accountPermissions.accountId, account.id))
    .orderBy(asc(permissions.sortOrder), asc(permissions.id));
  const certs =
    account.certificateManagement === "internal"
      ? await q
          .select({
            id: certificates.id, name: certificates.name, fileName: certificates.fileName, subjectCn: certificates.subjectCn, subjectO: certificates.subjectO,
            issuerCn: certificates.issuerCn, notAfter: certificates.notAfter, serialNumber: certificates.serialNumber,
            sha256Fingerprint: certificates.sha256Fingerprint, keyDescription: certificates.keyDescription,
          })
          .from(certificates)
          .where(eq(certificates.accountId, account.id))
          .orderBy(asc(certificates.uploadedAt), asc(certificates.name))
      : [];
  return { ...account, permissions: perms.map((p) => ({ id: p.id, name: localizedName(p, locale), retired: !p.active })), certificates: certs };
}

/** SPEC §4.4 display: a badge when the certificate has expired or expires within 30 days. */
export function expiryStatus(notAfter: Date, now: Date = new Date()): "expired" | "expiring" | "valid" {
  const ms = notAfter.getTime() - now.getTime();
  if (ms < 0) return "expired";
  return ms <= 30 * 24 * 3600 * 1000 ? "expiring" : "valid";
}

/**
 * Joins a query that already reads `senders` to the sender's owner (SPEC §2: a sender belongs to one
 * enterprise in one quality): `enterprise_qualities`, `enterprises` and `qualities`, so the selection may
 * name their columns. For dynamic queries (drizzle `.$dynamic()`); inner joins on foreign keys, so the rows
 * are the same as without them.
 */
export function joinSenderOwner<T extends PgSelect>(query: T): T {
  return query
    .innerJoin(enterpriseQualities, eq(enterpriseQualities.id, senders.enterpriseQualityId))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseQualities.enterpriseId))
    .innerJoin(qualities, eq(qualities.id, enterpriseQualities.qualityId)) as unknown as T; // dynamic mode: the same builder
}

