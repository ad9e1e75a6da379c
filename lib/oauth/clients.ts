import "server-only";
import { createHash, X509Certificate, type KeyObject } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { joinSenderOwner } from "@/lib/channels/queries";
import type { Queryable } from "@/lib/db/client";
import { accountPermissions, accounts, certificates, enterprises, qualities, senders } from "@/lib/db/schema";
import { decodeCertificateFile } from "@/lib/rules/certificate-decode";
import type { ClientCertificate, RestClient } from "./client-assertion";

// Parsed certificates by the SHA-256 of their DER (stored bytes are immutable; a deleted certificate simply
// stops being listed by the account query): the public key is imported once per certificate, not per request.
const parsed = new Map<string, { der: Uint8Array; publicKey: KeyObject | null }>();
const PARSED_MAX = 2_000;

function parseOnce(content: Uint8Array): { der: Uint8Array; publicKey: KeyObject | null } | null {
  const digest = createHash("sha256").update(content).digest("hex");
  const known = parsed.get(digest);
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
  parsed.set(digest, entry);
  return entry;
}

interface CertificateListing {
  id: string;
  name: string;
  notBefore: string;
  notAfter: string;
}

/**
 * The REST account whose Client ID this is, with its enterprise, quality (and its French name), the permissions
 * it holds and its certificates; null when no REST account has it (never created, or deleted). A delegated
 * account's certificates are those the technical intermediary manages on it (SPEC §5, lib/delegation/
 * certificates.ts): the same rows. One query on the unique Client ID (certificates and permissions as JSON
 * aggregates), then the certificates' bytes in one more query only for those not parsed yet.
 */
export async function findRestClient(q: Queryable, clientId: string): Promise<RestClient | null> {
  if (clientId.length > 200) return null;
  const [account] = await joinSenderOwner(
    q
      .select({
        accountId: accounts.id,
        clientId: accounts.clientId,
        senderId: accounts.senderId,
        management: accounts.certificateManagement,
        enterpriseId: enterprises.id,
        enterpriseNumber: enterprises.number,
        qualityId: qualities.id,
        qualityCode: qualities.code,
        qualityName: qualities.nameFr,
        permissionIds: sql<number[]>`(select coalesce(json_agg(${accountPermissions.permissionId}), '[]'::json) from ${accountPermissions} where ${accountPermissions.accountId} = ${accounts.id})`,
        certificates: sql<CertificateListing[]>`(select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'notBefore', c.not_before, 'notAfter', c.not_after, 'sha256', encode(sha256(c.content), 'hex')) order by c.uploaded_at), '[]'::json) from ${certificates} c where c.account_id = ${accounts.id})`,
      })
      .from(accounts)
      .innerJoin(senders, eq(senders.id, accounts.senderId))
      .$dynamic(),
  )
    .where(and(eq(accounts.clientId, clientId), eq(accounts.type, "REST")))
    .limit(1);
  if (!account?.clientId) return null;
  const listed = account.certificates as Array<CertificateListing & { sha256: string }>;
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
    enterpriseId: account.enterpriseId,
    enterpriseNumber: account.enterpriseNumber,
    qualityId: account.qualityId,
    qualityCode: account.qualityCode,
    qualityName: account.qualityName,
    delegated: account.management === "intermediary",
    permissionIds: account.permissionIds.map(Number),
    certificates: listed.flatMap((c): ClientCertificate[] => {
      const content = contents.get(c.id);
      const entry = parsed.get(c.sha256) ?? (content ? parseOnce(content) : null);
      return entry ? [{ id: c.id, name: c.name, der: entry.der, publicKey: entry.publicKey, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) }] : [];
    }),
  };
}
