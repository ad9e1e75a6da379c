import "server-only";
import { X509Certificate, type KeyObject } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { joinSenderOwner } from "@/lib/channels/queries";
import type { Queryable } from "@/lib/db/client";
import { accountPermissions, accounts, certificates, enterprises, qualities, senders } from "@/lib/db/schema";
import { decodeCertificateFile } from "@/lib/rules/certificate-decode";
import type { ClientCertificate, RestClient } from "./client-assertion";

// Parsed certificates by their SHA-256 fingerprint (certificates.sha256_fingerprint, computed from the bytes at
// upload; a row's bytes never change, and a deleted certificate simply stops being listed by the account query):
// the public key is imported once per certificate, not per request.
const parsed = new Map<string, { der: Uint8Array; publicKey: KeyObject | null }>();
const PARSED_MAX = 2_000;

function parseOnce(fingerprint: string, content: Uint8Array): { der: Uint8Array; publicKey: KeyObject | null } | null {
  const known = parsed.get(fingerprint);
  if (known) return known;
  // Stored byte for byte as uploaded (DER or PEM); every stored one passed SPEC §4.4.
  const decoded = decodeCertificateFile(content);
  if (!decoded.ok) return null;
  let publicKey: KeyObject | null = null;
  try {
    publicKey = new X509Certificate(decoded.der).publicKey;
  } catch {
    publicKey = null;
  }
  const entry = { der: decoded.der, publicKey };
  if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value as string);
  parsed.set(fingerprint, entry);
  return entry;
}

interface CertificateListing {
  id: string;
  name: string;
  /** ISO 8601 (JSON of a timestamptz). */
  notBefore: string;
  notAfter: string;
  /** certificates.sha256_fingerprint: the key of the parsed-certificate cache. */
  sha256: string;
}

/** What a sender belongs to (SPEC §2): fixed when the sender is created, never updated. */
interface SenderOwner {
  enterpriseId: string;
  enterpriseNumber: string;
  qualityId: number;
  qualityCode: string;
  qualityName: string;
}

// Senders' owners by sender id. Nothing updates a sender's enterprise-quality, an enterprise's number or a
// quality's code and name at run time (only seeds write them), so an entry never goes stale; a deleted
// sender's entry is merely unused. Bounded, oldest dropped first.
const owners = new Map<string, SenderOwner>();
const OWNERS_MAX = 5_000;

async function senderOwner(q: Queryable, senderId: string): Promise<SenderOwner | null> {
  const known = owners.get(senderId);
  if (known) return known;
  const [row] = await joinSenderOwner(
    q
      .select({ enterpriseId: enterprises.id, enterpriseNumber: enterprises.number, qualityId: qualities.id, qualityCode: qualities.code, qualityName: qualities.nameFr })
      .from(senders)
      .$dynamic(),
  )
    .where(eq(senders.id, senderId))
    .limit(1);
  if (!row) return null;
  if (owners.size >= OWNERS_MAX) owners.delete(owners.keys().next().value as string);
  owners.set(senderId, row);
  return row;
}

/**
 * The REST account whose Client ID this is, with its enterprise, quality (and its French name), the permissions
 * it holds and its certificates; null when no REST account has it (never created, or deleted). A delegated
 * account's certificates are those the technical intermediary manages on it (SPEC §5, lib/delegation/
 * certificates.ts): the same rows. One query on the unique Client ID (certificates and permissions as JSON
 * aggregates, read on every call: they change), plus, only the first time, the sender's owner and the bytes of
 * certificates not parsed yet.
 */
export async function findRestClient(q: Queryable, clientId: string): Promise<RestClient | null> {
  if (clientId.length > 200) return null;
  const [account] = await q
    .select({
      accountId: accounts.id,
      clientId: accounts.clientId,
      senderId: accounts.senderId,
      management: accounts.certificateManagement,
      // Qualified by hand: drizzle leaves the columns of a single-table query unqualified.
      permissionIds: sql<number[]>`(select coalesce(json_agg(p.permission_id), '[]'::json) from ${accountPermissions} p where p.account_id = "accounts"."id")`,
      certificates: sql<CertificateListing[]>`(select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'notBefore', c.not_before, 'notAfter', c.not_after, 'sha256', c.sha256_fingerprint) order by c.uploaded_at), '[]'::json) from ${certificates} c where c.account_id = "accounts"."id")`,
    })
    .from(accounts)
    .where(and(eq(accounts.clientId, clientId), eq(accounts.type, "REST")))
    .limit(1);
  if (!account?.clientId) return null;
  const owner = await senderOwner(q, account.senderId);
  if (!owner) return null;
  const listed = account.certificates;
  const missing = listed.filter((c) => !parsed.has(c.sha256)).map((c) => c.id);
  const contents = new Map<string, Uint8Array>();
  if (missing.length > 0) {
    const rows = await q.select({ id: certificates.id, content: certificates.content }).from(certificates).where(inArray(certificates.id, missing));
    for (const row of rows) contents.set(row.id, row.content);
  }
  return {
    accountId: account.accountId,
    clientId: account.clientId,
    senderId: account.senderId,
    ...owner,
    delegated: account.management === "intermediary",
    permissionIds: account.permissionIds.map(Number),
    certificates: listed.flatMap((c): ClientCertificate[] => {
      const content = contents.get(c.id);
      const entry = parsed.get(c.sha256) ?? (content ? parseOnce(c.sha256, content) : null);
      return entry ? [{ id: c.id, name: c.name, der: entry.der, publicKey: entry.publicKey, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) }] : [];
    }),
  };
}
