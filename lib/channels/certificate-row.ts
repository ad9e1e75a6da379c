import type { CertificateDetails } from "@/lib/rules/certificate";
import type { certificates } from "@/lib/db/schema";

/** The columns of a stored certificate, from the details the certificate rule returned (SPEC §4.4). */
export function certificateRow(input: {
  accountId: string;
  name: string;
  fileName: string;
  content: Uint8Array;
  details: CertificateDetails;
  uploadedBy: string | null;
  /** The delegation under which a technical intermediary adds it (issue 19); null for the enterprise's own. */
  delegationId?: string | null;
}): typeof certificates.$inferInsert {
  const { details } = input;
  return {
    accountId: input.accountId,
    name: input.name,
    // Only the file's own name, whatever path a client sent with it (e.g. "C:\\fakepath\\x.cer").
    fileName: input.fileName.trim().split(/[\\/]/).pop() || input.fileName,
    content: input.content,
    subjectCn: details.subjectCn ?? null,
    subjectO: details.subjectO ?? null,
    issuerCn: details.issuerCn ?? null,
    notBefore: new Date(details.notBefore),
    notAfter: new Date(details.notAfter),
    serialNumber: details.serialNumber,
    sha256Fingerprint: details.sha256Fingerprint,
    keyDescription: details.keyDescription,
    signatureAlgorithm: details.signatureAlgorithm,
    selfSigned: details.selfSigned,
    uploadedBy: input.uploadedBy,
    delegationId: input.delegationId ?? null,
  };
}
