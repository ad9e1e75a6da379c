/**
 * SPEC §4.4 — certificate rule, all channels. Checked in the SPEC's order; the first failure
 * is reported:
 *   0. size ≤ 64 KiB (before any parsing)              cert.too-large
 *   1. PKCS#12 content or .pfx/.p12 name               cert.pkcs12
 *      file name ends in .cer                          cert.extension
 *   2. one X.509 certificate, DER or PEM               cert.unreadable / cert.private-key
 *   3. RSA 2048/3072/4096 or EC P-384/P-521            cert.key-type / cert.key-size / cert.curve
 *   4. signature hash SHA-256/384/512                  cert.signature-hash
 *   5. notBefore ≤ now ≤ notAfter                      cert.not-yet-valid / cert.expired
 *   6. self-signed: REST only; CA-issued: trust-store CA of a family the channel allows
 *                                                      cert.self-signed-not-allowed / cert.issuer-not-allowed
 *   7. REST key usage must include digitalSignature    cert.key-usage
 * Never throws, whatever the bytes: every outcome is a RuleResult.
 */
import { looksLikePkcs12, toHex } from './der';
import { decodeCertificate, type CertificateArmour, type CertificateNote, type DecodedCertificate } from './certificate-decode';
import { checkKey, checkSignatureHash, describeKey, describeSignature } from './certificate-key';
import type { ParsedCertificate } from './certificate-parse';
import {
  CHANNELS,
  CHANNEL_ISSUER_FAMILIES,
  SELF_SIGNED_CHANNELS,
  allowedIssuer,
  findTrustedIssuers,
  isSelfSigned,
  type Channel,
  type TrustFamily,
  type TrustedCa,
} from './certificate-issuer';
import { CERT_MAX_BYTES } from './limits';
import { fail, type RuleFailure, type RuleResult } from './result';
import { hasForbiddenCharacters } from './text';

export { CHANNELS, CHANNEL_ISSUER_FAMILIES, TRUST_FAMILIES } from './certificate-issuer';
export type { Channel, TrustFamily, TrustedCa } from './certificate-issuer';
export type { CertificateArmour, CertificateNote } from './certificate-decode';

export { CERT_MAX_BYTES };

/** What the UI shows for a stored certificate (SPEC §4.4 "Displayed for each stored certificate"). */
export interface CertificateDetails {
  /** Propriétaire: subject CN ('' when absent). */
  subjectCn: string;
  /** Entreprise: subject O ('' when absent). */
  subjectO: string;
  /** Fournisseur: issuer CN (the full issuer DN when it has no CN). */
  issuerCn: string;
  /** ISO 8601, UTC. */
  notBefore: string;
  /** ISO 8601, UTC (Expiration). */
  notAfter: string;
  /** N° de série in decimal, signed as OpenSSL shows it (`-546436750429` for a negative serial). */
  serialNumber: string;
  /** Upper-case hex, colon-separated: `AB:CD:…`. */
  sha256Fingerprint: string;
  /** 'RSA 3072', 'EC P-384', … */
  keyDescription: string;
  /** 'SHA-256 with RSA', 'SHA-384 with ECDSA', … */
  signatureAlgorithm: string;
  selfSigned: boolean;
  /** Family of the trust-store CA whose key verified the signature, if any. */
  issuerFamily?: TrustFamily;
}

/** How the file was read (issue 12): armour, text encoding, and what was accepted around the certificate. */
export interface CertificateReading {
  armour: CertificateArmour;
  encoding: DecodedCertificate['encoding'];
  /** Empty for a plain DER or PEM file; the UI may explain each note. */
  notes: CertificateNote[];
  /** With the `textAfter` note: the start of the ignored text after the PEM block, as shown to the user. */
  ignoredText?: string;
}

function readingOf(decoded: DecodedCertificate): CertificateReading {
  return { armour: decoded.armour, encoding: decoded.encoding, notes: decoded.notes, ...(decoded.ignoredText === undefined ? {} : { ignoredText: decoded.ignoredText }) };
}

export interface CheckCertificateInput {
  fileName: string;
  bytes: Uint8Array;
  channel: Channel;
  trustStore: readonly TrustedCa[];
  now: Date;
}

/** Base name without any client-side path (`C:\fakepath\x.cer`). */
function baseName(fileName: string): string {
  return fileName.trim().split(/[\\/]/).pop() ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

async function sha256Fingerprint(der: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', der.slice());
  return toHex(new Uint8Array(digest), ':');
}

async function buildDetails(
  decoded: DecodedCertificate,
  selfSigned: boolean,
  issuerFamily: TrustFamily | undefined,
): Promise<CertificateDetails> {
  const { cert } = decoded;
  return {
    subjectCn: cert.subject.cn ?? '',
    subjectO: cert.subject.o ?? '',
    issuerCn: cert.issuer.cn ?? cert.issuer.display,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    serialNumber: cert.serialDecimal,
    sha256Fingerprint: await sha256Fingerprint(cert.der),
    keyDescription: describeKey(cert.key),
    signatureAlgorithm: describeSignature(cert.signatureOid, cert.signatureParams).label,
    selfSigned,
    ...(issuerFamily ? { issuerFamily } : {}),
  };
}

/**
 * SPEC §4.4 check of an uploaded certificate file. Never throws for any `bytes`; rejects (as a
 * programming error) only an unknown `channel` or an invalid `now`.
 */
export async function checkCertificate(
  input: CheckCertificateInput,
): Promise<RuleResult<{ details: CertificateDetails; reading: CertificateReading }>> {
  if (!(CHANNELS as readonly string[]).includes(input.channel)) throw new TypeError(`unknown channel ${String(input.channel)}`);
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) throw new TypeError('now must be a valid Date');
  try {
    return await checkCertificateUnsafe(input);
  } catch {
    // Defence in depth: the helpers are total, but an upload must never crash a request.
    return fail('cert.unreadable', { reason: 'invalid' });
  }
}

/** Longest subject or issuer name kept (RFC 5280 bounds each attribute; a whole DN stays far below this). */
export const CERT_NAME_MAX = 1024;

/** `cert.text` when the subject's or the issuer's name holds a control character or is absurdly long. */
function checkNameText(cert: ParsedCertificate): RuleFailure | undefined {
  for (const [field, name] of [['subject', cert.subject], ['issuer', cert.issuer]] as const) {
    if (name.display.length > CERT_NAME_MAX || hasForbiddenCharacters(name.display)) return fail('cert.text', { field, max: CERT_NAME_MAX });
  }
  return undefined;
}

async function checkCertificateUnsafe(
  input: CheckCertificateInput,
): Promise<RuleResult<{ details: CertificateDetails; reading: CertificateReading }>> {
  const { bytes, channel, trustStore, now } = input;
  const fileName = baseName(input.fileName);

  // Step 0: size first, before touching the content.
  if (bytes.length > CERT_MAX_BYTES) {
    return fail('cert.too-large', { found: bytes.length, max: CERT_MAX_BYTES });
  }
  // Step 1: a .pfx (or its content under any name and any armour) gets its own explanation (seed 004).
  const ext = extensionOf(fileName);
  if (ext === '.pfx' || ext === '.p12') return fail('cert.pkcs12', { fileName, reason: 'name' });
  if (looksLikePkcs12(bytes)) return fail('cert.pkcs12', { fileName, reason: 'content' });
  const read = decodeCertificate(bytes);
  if (!read.ok && read.code === 'cert.pkcs12') return fail('cert.pkcs12', { fileName, reason: 'content' });
  if (ext !== '.cer') return fail('cert.extension', { fileName, found: ext || '—', expected: '.cer' });

  // Step 2.
  if (!read.ok) return read;
  const { cert } = read;
  // Step 2b (issue 19): the names are shown and stored as text, so they follow the rules of any text.
  const textFailure = checkNameText(cert);
  if (textFailure) return textFailure;

  // Steps 3 and 4.
  const keyFailure = checkKey(cert.key);
  if (keyFailure) return keyFailure;
  const sig = describeSignature(cert.signatureOid, cert.signatureParams);
  const hashFailure = checkSignatureHash(sig);
  if (hashFailure) return hashFailure;

  // Step 5.
  const nowIso = now.toISOString();
  if (now.getTime() < cert.notBefore.getTime()) {
    return fail('cert.not-yet-valid', {
      notBefore: cert.notBefore.toISOString(),
      notBeforeMs: cert.notBefore.getTime(),
      now: nowIso,
    });
  }
  if (now.getTime() > cert.notAfter.getTime()) {
    return fail('cert.expired', { notAfter: cert.notAfter.toISOString(), notAfterMs: cert.notAfter.getTime(), now: nowIso });
  }

  // Step 6.
  const selfSigned = await isSelfSigned(cert, sig);
  const matches = selfSigned ? [] : await findTrustedIssuers(cert, sig, trustStore);
  const allowedFamilies = CHANNEL_ISSUER_FAMILIES[channel];
  if (selfSigned && !SELF_SIGNED_CHANNELS.includes(channel)) {
    return fail('cert.self-signed-not-allowed', { channel, allowed: SELF_SIGNED_CHANNELS.join(', ') });
  }
  const issuer = allowedIssuer(channel, matches);
  if (!selfSigned && allowedFamilies !== 'any' && !issuer) {
    return fail('cert.issuer-not-allowed', {
      channel,
      issuer: cert.issuer.cn ?? cert.issuer.display,
      // 'untrusted' when no trust-store CA signed it, else the family that did (wrong channel).
      found: matches[0]?.ca.family ?? 'untrusted',
      allowed: allowedFamilies.join(', '),
    });
  }

  // Step 7 (REST only).
  if (channel === 'REST') {
    const usage = cert.keyUsage;
    const missing = selfSigned ? !usage?.includes('digitalSignature') : usage !== null && !usage.includes('digitalSignature');
    if (missing) {
      return fail('cert.key-usage', {
        found: usage === null ? 'none' : usage.length > 0 ? usage.join(', ') : 'empty',
        required: 'digitalSignature',
        selfSigned: selfSigned ? 'yes' : 'no',
      });
    }
  }

  return { ok: true, details: await buildDetails(read, selfSigned, issuer?.ca.family), reading: readingOf(read) };
}

/**
 * Reads a certificate without applying the channel rules (e.g. a trust-store CA uploaded by an
 * administrator, or a stored certificate). Size, PKCS#12 and step-2 failures only. With a trust
 * store, `issuerFamily` is filled in.
 */
export async function readCertificateDetails(
  bytes: Uint8Array,
  opts: { trustStore?: readonly TrustedCa[]; fileName?: string } = {},
): Promise<RuleResult<{ details: CertificateDetails; der: Uint8Array; format: 'DER' | 'PEM'; reading: CertificateReading }>> {
  try {
    if (bytes.length > CERT_MAX_BYTES) return fail('cert.too-large', { found: bytes.length, max: CERT_MAX_BYTES });
    const read = decodeCertificate(bytes);
    if (!read.ok) return read.code === 'cert.pkcs12' ? fail('cert.pkcs12', { fileName: baseName(opts.fileName ?? ''), reason: 'content' }) : read;
    const { cert } = read;
    const sig = describeSignature(cert.signatureOid, cert.signatureParams);
    const selfSigned = await isSelfSigned(cert, sig);
    const matches = selfSigned ? [] : await findTrustedIssuers(cert, sig, opts.trustStore ?? []);
    const details = await buildDetails(read, selfSigned, matches[0]?.ca.family);
    return { ok: true, details, der: cert.der, format: read.format, reading: readingOf(read) };
  } catch {
    return fail('cert.unreadable', { reason: 'invalid' });
  }
}
