import "server-only";
import { eq, isNull } from "drizzle-orm";
import { appNow } from "@/lib/admin/clock";
import type { Queryable } from "@/lib/db/client";
import { certificates, trustedCas } from "@/lib/db/schema";
import { checkCertificate, type CertificateDetails, type CertificateReading, type Channel, type TrustedCa } from "@/lib/rules/certificate";
import { decodeCertificateFile } from "@/lib/rules/certificate-decode";
import { allowedIssuer, findTrustedIssuers } from "@/lib/rules/certificate-issuer";
import { describeSignature } from "@/lib/rules/certificate-key";
import { parseCertificate } from "@/lib/rules/certificate-parse";
import { checkSshPublicKey, type SshKeyDetails } from "@/lib/rules/ssh-key";
import type { RuleResult } from "@/lib/rules/result";

/**
 * The administrator-managed trust store (SPEC §4.4): the CAs not retired (issue 17), read for each
 * check so changes apply at once.
 */
export async function loadTrustStore(q: Queryable): Promise<TrustedCa[]> {
  const rows = await q.select({ family: trustedCas.family, der: trustedCas.content, label: trustedCas.label }).from(trustedCas).where(isNull(trustedCas.retiredAt));
  return rows;
}

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** SPEC §4.4 for one uploaded file on one channel (size checked first, inside checkCertificate), at the app's « now ». */
export async function verifyCertificate(
  q: Queryable,
  file: UploadedFile,
  channel: Channel,
): Promise<RuleResult<{ details: CertificateDetails; reading: CertificateReading }>> {
  return checkCertificate({ fileName: file.fileName, bytes: file.bytes, channel, trustStore: await loadTrustStore(q), now: await appNow(q) });
}

/**
 * Issue 17: the one rule « this stored certificate is no longer vouched for ». Among `stored` (rows of
 * `certificates`, all of accounts of type `channel`), the ids of the CA-issued certificates that no CA of
 * `store` (the active trust store, loadTrustStore) of a family allowed on `channel` vouches for any more,
 * e.g. after their CA was retired. REST accepts any issuer (SPEC §4.4 step 6): never flagged. A stored
 * file that cannot be read any more is not flagged (it was accepted when uploaded). Used by the account
 * page (certificatesNoLongerTrusted) and by « À faire » (lib/notify/todo.ts).
 */
export async function untrustedAmong(
  store: readonly TrustedCa[],
  channel: Channel,
  stored: ReadonlyArray<{ id: string; content: Uint8Array }>,
): Promise<Set<string>> {
  const flagged = new Set<string>();
  if (channel === "REST") return flagged;
  for (const { id, content } of stored) {
    const decoded = decodeCertificateFile(content);
    const cert = decoded.ok ? parseCertificate(decoded.der) : undefined;
    if (!cert) continue;
    const matches = await findTrustedIssuers(cert, describeSignature(cert.signatureOid, cert.signatureParams), store);
    if (!allowedIssuer(channel, matches)) flagged.add(id);
  }
  return flagged;
}

/**
 * The ids of one account's certificates that today's trust store no longer vouches for (untrustedAmong).
 * `accountId` must already be checked as the caller's.
 */
export async function certificatesNoLongerTrusted(
  q: Queryable,
  channel: Channel,
  accountId: string,
): Promise<Set<string>> {
  if (channel === "REST") return new Set();
  const stored = await q.select({ id: certificates.id, content: certificates.content }).from(certificates).where(eq(certificates.accountId, accountId));
  return untrustedAmong(await loadTrustStore(q), channel, stored);
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
    notes.push({ field: "certificate", code, params: { encoding: String(input.certificate?.encoding ?? ""), text: input.certificate?.ignoredText ?? "" } });
  }
  for (const code of input.ssh?.notes ?? []) {
    notes.push({ field: "sshPublicKey", code, params: code === "optionsDropped" ? { options: input.ssh?.droppedOptions ?? "" } : {} });
  }
  return notes;
}
