import "server-only";
import { and, eq, min } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accounts, certificates } from "@/lib/db/schema";

/**
 * For the home lists (issue 13): per account of the sender whose certificates it manages itself, the
 * end of validity of its certificate that expires first — enough to flag « Expiré » or « Expire dans
 * moins de 30 jours » (expiryStatus). A delegated account is left out: its certificates are the
 * intermediary's and hidden from the enterprise (SPEC §5).
 */
export async function soonestCertificateExpiry(q: Queryable, senderId: string): Promise<Map<string, Date>> {
  const rows = await q
    .select({ accountId: certificates.accountId, notAfter: min(certificates.notAfter) })
    .from(certificates)
    .innerJoin(accounts, eq(accounts.id, certificates.accountId))
    .where(and(eq(accounts.senderId, senderId), eq(accounts.certificateManagement, "internal")))
    .groupBy(certificates.accountId);
  return new Map(rows.flatMap((r) => (r.notAfter ? [[r.accountId, new Date(r.notAfter)] as const] : [])));
}
