import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accounts, certificates, enterpriseQualities, enterprises, qualities, senders } from "@/lib/db/schema";
import { decodeCertificateFile } from "@/lib/rules/certificate-decode";
import type { RestClient } from "./client-assertion";

/**
 * The REST account whose Client ID this is, with its enterprise, quality and certificates; null when no
 * REST account has it (never created, or deleted). A delegated account's certificates are those the
 * technical intermediary manages on it (SPEC §5, lib/delegation/certificates.ts): the same rows.
 * Two queries, each on a unique or indexed key.
 */
export async function findRestClient(q: Queryable, clientId: string): Promise<RestClient | null> {
  if (clientId.length > 200) return null;
  const [account] = await q
    .select({
      accountId: accounts.id,
      clientId: accounts.clientId,
      senderId: accounts.senderId,
      management: accounts.certificateManagement,
      enterpriseId: enterprises.id,
      enterpriseNumber: enterprises.number,
      qualityId: qualities.id,
      qualityCode: qualities.code,
    })
    .from(accounts)
    .innerJoin(senders, eq(senders.id, accounts.senderId))
    .innerJoin(enterpriseQualities, eq(enterpriseQualities.id, senders.enterpriseQualityId))
    .innerJoin(enterprises, eq(enterprises.id, enterpriseQualities.enterpriseId))
    .innerJoin(qualities, eq(qualities.id, enterpriseQualities.qualityId))
    .where(and(eq(accounts.clientId, clientId), eq(accounts.type, "REST")))
    .limit(1);
  if (!account?.clientId) return null;
  const rows = await q
    .select({ id: certificates.id, name: certificates.name, content: certificates.content, notBefore: certificates.notBefore, notAfter: certificates.notAfter })
    .from(certificates)
    .where(eq(certificates.accountId, account.accountId))
    .orderBy(asc(certificates.uploadedAt));
  const { management, ...rest } = account;
  return {
    ...rest,
    clientId: account.clientId,
    delegated: management === "intermediary",
    certificates: rows.flatMap((row) => {
      // Stored byte for byte as uploaded (DER or PEM); every stored one passed SPEC §4.4.
      const decoded = decodeCertificateFile(row.content);
      return decoded.ok ? [{ id: row.id, name: row.name, der: decoded.der, notBefore: row.notBefore, notAfter: row.notAfter }] : [];
    }),
  };
}
