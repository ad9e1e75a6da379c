import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { failure, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import type { LocalizedName } from "@/lib/auth/contexts";
import type { CertificateView } from "@/lib/channels/queries";
import type { Queryable } from "@/lib/db/client";
import { accountPermissions, accounts, certificates, delegations, enterprises, permissions, qualities } from "@/lib/db/schema";
import { intermediarySide } from "./sides";

// The intermediary's view of one delegated REST account (SPEC §5): its certificates, which it manages,
// and its permissions, which only the enterprise may change (FAQ) and are shown read-only here.

/** The same certificate card as on the enterprise's own account page. */
export type DelegatedCertificate = CertificateView;

export interface DelegatedAccount {
  id: string;
  name: string;
  clientId: string | null;
  senderId: string;
  enterpriseId: string;
  qualityId: number;
  enterpriseName: string;
  enterpriseNumber: string;
  qualityName: LocalizedName;
}

/** The account when a delegation of it to the actor's enterprise is accepted; otherwise nothing. */
export async function findDelegatedAccount(q: Queryable, actor: ServiceActor, accountId: string): Promise<DelegatedAccount | null> {
  const side = intermediarySide(actor);
  if (!side) return null;
  const [row] = await q
    .select({
      id: accounts.id,
      name: accounts.name,
      clientId: accounts.clientId,
      senderId: accounts.senderId,
      enterpriseId: delegations.enterpriseId,
      qualityId: delegations.qualityId,
      enterpriseName: enterprises.name,
      enterpriseNumber: enterprises.number,
      qualityFr: qualities.nameFr,
      qualityNl: qualities.nameNl,
      qualityEn: qualities.nameEn,
      qualityDe: qualities.nameDe,
    })
    .from(delegations)
    .innerJoin(accounts, and(eq(accounts.id, delegations.accountId), eq(accounts.type, "REST")))
    .innerJoin(enterprises, eq(enterprises.id, delegations.enterpriseId))
    .innerJoin(qualities, eq(qualities.id, delegations.qualityId))
    .where(and(side, eq(delegations.accountId, accountId), eq(delegations.status, "accepted")))
    .limit(1);
  if (!row) return null;
  const { qualityFr, qualityNl, qualityEn, qualityDe, ...rest } = row;
  return { ...rest, qualityName: { fr: qualityFr, nl: qualityNl, en: qualityEn, de: qualityDe } };
}

export async function getDelegatedAccount(
  q: Queryable,
  actor: ServiceActor,
  accountId: string,
): Promise<ServiceResult<{ account: DelegatedAccount; permissions: LocalizedName[]; certificates: DelegatedCertificate[] }>> {
  const account = await findDelegatedAccount(q, actor, accountId);
  if (!account) return failure("not-found");
  const [perms, certs] = await Promise.all([
    q
      .select({ fr: permissions.nameFr, nl: permissions.nameNl, en: permissions.nameEn, de: permissions.nameDe })
      .from(accountPermissions)
      .innerJoin(permissions, eq(permissions.id, accountPermissions.permissionId))
      .where(eq(accountPermissions.accountId, account.id))
      .orderBy(asc(permissions.sortOrder)),
    q
      .select({
        id: certificates.id,
        name: certificates.name,
        fileName: certificates.fileName,
        subjectCn: certificates.subjectCn,
        subjectO: certificates.subjectO,
        issuerCn: certificates.issuerCn,
        notAfter: certificates.notAfter,
        serialNumber: certificates.serialNumber,
        sha256Fingerprint: certificates.sha256Fingerprint,
        keyDescription: certificates.keyDescription,
      })
      .from(certificates)
      .where(eq(certificates.accountId, account.id))
      .orderBy(asc(certificates.uploadedAt)),
  ]);
  return { ok: true, account, permissions: perms, certificates: certs };
}
