import "server-only";
import type { Queryable } from "@/lib/db/client";
import { trustedCas } from "@/lib/db/schema";
import { checkCertificate, type CertificateDetails, type CertificateReading, type Channel, type TrustedCa } from "@/lib/rules/certificate";
import { checkSshPublicKey, type SshKeyDetails } from "@/lib/rules/ssh-key";
import type { RuleResult } from "@/lib/rules/result";

/** The administrator-managed trust store (SPEC §4.4), read for each check so changes apply at once. */
export async function loadTrustStore(q: Queryable): Promise<TrustedCa[]> {
  const rows = await q.select({ family: trustedCas.family, der: trustedCas.content, label: trustedCas.label }).from(trustedCas);
  return rows;
}

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** SPEC §4.4 for one uploaded file on one channel (size checked first, inside checkCertificate). */
export async function verifyCertificate(
  q: Queryable,
  file: UploadedFile,
  channel: Channel,
): Promise<RuleResult<{ details: CertificateDetails; reading: CertificateReading }>> {
  return checkCertificate({ fileName: file.fileName, bytes: file.bytes, channel, trustStore: await loadTrustStore(q), now: new Date() });
}

/** SPEC §4.3; size (16 KiB) is checked before parsing by the rule. */
export function verifySshKey(text: string): RuleResult<SshKeyDetails> {
  return checkSshPublicKey(text);
}

/**
 * Something tidied away to read an accepted upload (issue 12), for the form's success message:
 * UI key `uploads.notes.<field>.<code>` with `params`.
 */
export interface UploadNote {
  field: "sshPublicKey" | "certificate";
  code: string;
  params: Record<string, string>;
}

/** The notes of an accepted SSH key and/or certificate, in form order (certificate first). */
export function uploadNotes(input: { ssh?: SshKeyDetails; certificate?: CertificateReading }): UploadNote[] {
  const notes: UploadNote[] = [];
  for (const code of input.certificate?.notes ?? []) {
    notes.push({ field: "certificate", code, params: { encoding: String(input.certificate?.encoding ?? "") } });
  }
  for (const code of input.ssh?.notes ?? []) {
    notes.push({ field: "sshPublicKey", code, params: code === "optionsDropped" ? { options: input.ssh?.droppedOptions ?? "" } : {} });
  }
  return notes;
}
