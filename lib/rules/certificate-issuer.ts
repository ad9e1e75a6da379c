/**
 * SPEC §4.4 step 6 — who signed the certificate, and may that issuer be used on the channel.
 *
 * - Self-signed = issuer name equals subject name AND the signature verifies with the
 *   certificate's own key. Same names but a signature that does not verify ("wrongly signed")
 *   is treated as CA-issued, so it must still chain to a trusted CA on FTP/SFTP/SOAP.
 * - CA-issued = the signature verifies with the key of a trust-store CA whose subject name
 *   equals the certificate's issuer name. Only the CA's family matters for the channel.
 * Real CA certificates are configuration (the admin-managed trust store), not code.
 */
import { bytesEqual, encodeBase64 } from './der';
import { parseCertificate, type NameInfo, type ParsedCertificate } from './certificate-parse';
import { verifySignature, type SignatureInfo } from './certificate-key';

export const TRUST_FAMILIES = ['eid', 'globalsign-personalsign3pro', 'other'] as const;
export type TrustFamily = (typeof TRUST_FAMILIES)[number];

export type TrustedCa = { family: TrustFamily; der: Uint8Array; label?: string };

export const CHANNELS = ['FTP', 'SFTP', 'SOAP', 'REST'] as const;
export type Channel = (typeof CHANNELS)[number];

/** SPEC §4.4 step 6: CA families allowed per channel; REST accepts any issuer, trusted or not. */
export const CHANNEL_ISSUER_FAMILIES: Record<Channel, readonly TrustFamily[] | 'any'> = {
  FTP: ['eid', 'globalsign-personalsign3pro'],
  SFTP: ['eid', 'globalsign-personalsign3pro'],
  SOAP: ['globalsign-personalsign3pro'],
  REST: 'any',
};

/** SPEC §4.4 step 6: self-signed certificates are for REST only. */
export const SELF_SIGNED_CHANNELS: readonly Channel[] = ['REST'];

export function sameName(a: NameInfo, b: NameInfo): boolean {
  // Byte equality is the normal case (CAs copy their subject into the issuer field);
  // the normalised form tolerates a different string type or letter case (RFC 5280 §7.1).
  return bytesEqual(a.der, b.der) || a.normalized === b.normalized;
}

export async function isSelfSigned(cert: ParsedCertificate, sig: SignatureInfo): Promise<boolean> {
  return sameName(cert.issuer, cert.subject) && verifySignature(cert, sig, cert.spki, cert.key);
}

// Trust-store CAs parsed once: by array identity first, then by exact content (the DB layer
// may hand out fresh arrays per request). Content keys are the full base64, never a hash.
const byIdentity = new WeakMap<Uint8Array, ParsedCertificate | null>();
const byContent = new Map<string, ParsedCertificate | null>();
const CONTENT_CACHE_MAX = 512;

function parseTrusted(der: Uint8Array): ParsedCertificate | undefined {
  let parsed = byIdentity.get(der);
  if (parsed === undefined) {
    const key = encodeBase64(der);
    parsed = byContent.get(key);
    if (parsed === undefined) {
      // Copy: the caller may reuse or mutate its buffer later.
      parsed = parseCertificate(der.slice()) ?? null;
      if (byContent.size >= CONTENT_CACHE_MAX) byContent.clear();
      byContent.set(key, parsed);
    }
    byIdentity.set(der, parsed);
  }
  return parsed ?? undefined;
}

export interface IssuerMatch {
  ca: TrustedCa;
  parsed: ParsedCertificate;
}

/** Trust-store CAs that actually signed `cert` (name match + signature verification). */
export async function findTrustedIssuers(
  cert: ParsedCertificate,
  sig: SignatureInfo,
  trustStore: readonly TrustedCa[],
): Promise<IssuerMatch[]> {
  const candidates: IssuerMatch[] = [];
  for (const ca of trustStore) {
    const parsed = parseTrusted(ca.der);
    if (parsed && sameName(parsed.subject, cert.issuer)) candidates.push({ ca, parsed });
  }
  const verified = await Promise.all(
    candidates.map((c) => verifySignature(cert, sig, c.parsed.spki, c.parsed.key)),
  );
  return candidates.filter((_, i) => verified[i]);
}

/** The first match whose family the channel allows, if any. */
export function allowedIssuer(channel: Channel, matches: readonly IssuerMatch[]): IssuerMatch | undefined {
  const allowed = CHANNEL_ISSUER_FAMILIES[channel];
  if (allowed === 'any') return matches[0];
  return matches.find((m) => allowed.includes(m.ca.family));
}
