import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { certificateFile, deleteRestCertificate, uploadCertificate, type CertificateParty } from "@/lib/channels/certificates";
import { auditActor } from "@/lib/channels/service";
import type { UploadNote } from "@/lib/channels/trust-store";
import type { Db, Queryable } from "@/lib/db/client";
import { accounts, delegations } from "@/lib/db/schema";
import { failure, type ServiceActor, type ServiceResult } from "@/lib/services/result";
import { intermediarySide } from "./sides";

// SPEC §3 and §5: once a delegation is accepted, the intermediary manages the REST account's
// certificates — add (REST rules of SPEC §4.4), delete (never the last one), download — through
// the same services, rules and row locks as the enterprise (lib/channels/certificates.ts).

export const CERTIFICATE_NAME_MAX = 100;

/** The technical intermediary: only the REST accounts whose delegation to it is accepted. */
function intermediaryParty(actor: ServiceActor): CertificateParty | null {
  if (!intermediarySide(actor)) return null;
  // A subquery, so the delegation is checked in the very statement that locks the account row.
  const delegatedToActor = sql`${accounts.id} in (select ${delegations.accountId} from ${delegations} where ${delegations.intermediaryId} = ${actor.ctx.enterpriseId} and ${delegations.status} = 'accepted')`;
  return { scope: and(eq(accounts.type, "REST"), delegatedToActor)!, manages: "intermediary", audit: auditActor(actor) };
}

export async function addDelegatedCertificate(
  db: Db,
  actor: ServiceActor,
  input: { accountId: string; name: string; fileName: string; bytes: Uint8Array },
): Promise<ServiceResult<{ certificateId: string; notes: UploadNote[] }>> {
  const party = intermediaryParty(actor);
  if (!party) return failure("not-found");
  return uploadCertificate(
    db,
    party,
    { accountId: input.accountId, certificateName: input.name, certificate: { fileName: input.fileName, bytes: input.bytes }, mode: "add" },
    actor.userId,
  );
}

export async function deleteDelegatedCertificate(db: Db, actor: ServiceActor, input: { accountId: string; certificateId: string }): Promise<ServiceResult> {
  const party = intermediaryParty(actor);
  if (!party) return failure("not-found");
  return deleteRestCertificate(db, party, input);
}

export async function downloadDelegatedCertificate(
  q: Queryable,
  actor: ServiceActor,
  input: { accountId: string; certificateId: string },
): Promise<ServiceResult<{ fileName: string; content: Uint8Array }>> {
  const party = intermediaryParty(actor);
  if (!party) return failure("not-found");
  return certificateFile(q, party, input);
}
