/**
 * SPEC §4.4 step 2 — "content is one X.509 certificate, DER or PEM". Finds the one certificate in
 * an uploaded file, however it was armoured, or the precise reason why not (issue 12):
 *
 *   1. Armour: raw DER; or text (UTF-8, UTF-8 BOM, UTF-16/32 with BOM, BOM-less UTF-16 — see
 *      text-encoding.ts) holding PEM blocks of ANY label, or bare Base64 of one DER structure.
 *   2. Content decides, not the label: every decoded structure goes through the same detectors as
 *      raw DER — PKCS#12, PKCS#7, private key, CSR, bare public key, certificate. One structure
 *      always gets one message whatever its armour.
 *   3. After the first certificate, only whitespace / NUL padding or OpenSSL's auxiliary trust
 *      data (`X509_CERT_AUX`, the tail of a `TRUSTED CERTIFICATE`) may follow; a second certificate
 *      is `multiple`; anything else is `trailing` with the number of bytes that follow.
 *   4. Text after the last PEM block is ignored like the text before it (openssl's « Bag Attributes »,
 *      `subject=` lines), but, being unexpected, it is named in a `textAfter` note (issue 12 leftover).
 * Total (never throws) and isomorphic.
 */
import {
  TAG,
  children,
  decodeBase64,
  hasPrivateKeyMarker,
  looksLikeDerPrivateKey,
  looksLikePkcs12,
  looksLikePkcs7,
  pemBlocks,
  readTlv,
} from './der';
import { parseCertificate, type ParsedCertificate } from './certificate-parse';
import { fail, type RuleFailure, type RuleResult } from './result';
import { decodeText, isPrintableText, type TextEncodingName } from './text-encoding';

/** How the certificate was armoured: raw DER, a PEM block, or bare Base64 (no BEGIN/END lines). */
export type CertificateArmour = 'DER' | 'PEM' | 'Base64';

/** What was accepted besides the certificate itself (the original bytes are stored unchanged). */
export type CertificateNote = 'textEncoding' | 'padding' | 'opensslTrust' | 'textAfter';

export interface DecodedCertificate {
  /** DER of the certificate alone (what fingerprints and signatures are computed on). */
  der: Uint8Array;
  cert: ParsedCertificate;
  /** 'PEM' for any text armour (PEM block or bare Base64), as before issue 12. */
  format: 'DER' | 'PEM';
  armour: CertificateArmour;
  /** Text encoding of the file ('binary' for raw DER). */
  encoding: TextEncodingName | 'binary';
  notes: CertificateNote[];
  /** With the `textAfter` note: the start of the text found after the last PEM block (see ignoredTextExcerpt). */
  ignoredText?: string;
}

/** One DER structure found in the file, with the armour it came in. */
interface Candidate {
  der: Uint8Array | undefined;
  armour: CertificateArmour;
  /** PEM label, when the structure came from a PEM block. */
  label?: string;
  /** Text encoding, for text armours (named in the message when the content is not recognised). */
  encoding?: string;
}

type Envelope =
  | { ok: true; candidates: Candidate[]; encoding: TextEncodingName | 'binary'; textAfter?: string }
  | RuleFailure;

const BASE64_TEXT = /^[A-Za-z0-9+/\-_]+={0,2}$/;

/** Step 2a: the DER structures of the file (not yet classified), or why there are none. */
export function unwrapCertificateFile(bytes: Uint8Array): Envelope {
  if (bytes.length === 0) return fail('cert.unreadable', { reason: 'empty' });
  // Every certificate is longer than 127 bytes, so its length is in long form (30 81/82/83…); a text
  // file that merely starts with "0" (0x30) goes on to the text path. PKCS#7 may be BER (30 80).
  if (bytes[0] === TAG.SEQUENCE && ((bytes[1] ?? 0) > 0x80 || classifyStructure(bytes) !== 'unknown')) {
    return { ok: true, candidates: [{ der: bytes, armour: 'DER' }], encoding: 'binary' };
  }
  const { text, encoding } = decodeText(bytes);
  if (hasPrivateKeyMarker(text)) return fail('cert.private-key', { format: 'PEM' });
  const blocks = pemBlocks(text);
  if (blocks.length > 0) {
    const candidates = blocks.map((b) => ({ der: decodeBase64(b.body), armour: 'PEM' as const, label: b.label }));
    const textAfter = ignoredTextExcerpt(text.slice(blocks.at(-1)?.end ?? text.length));
    return { ok: true, candidates, encoding, ...(textAfter === undefined ? {} : { textAfter }) };
  }
  const compact = text.replace(/[\s\u0000]+/g, '');
  const printable = isPrintableText(text.replace(/\u0000+$/, ''));
  const shownEncoding = encoding === 'latin1' ? 'UTF-8' : encoding;
  // Base64 is wrapped at line ends, never spaced within a line: "hello world" is text, not Base64.
  const lines = text.split(/\r\n|\n|\r/).map((l) => l.replace(/\u0000/g, '').trim()).filter((l) => l !== '');
  if (printable && compact.length >= 16 && lines.every((l) => BASE64_TEXT.test(l))) {
    // Bare Base64 (SAML metadata, JWKS x5c) — base64url too (JOSE).
    const standard = compact.replace(/-/g, '+').replace(/_/g, '/');
    const der = decodeBase64(standard.includes('=') ? standard : standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    if (der) return { ok: true, candidates: [{ der, armour: 'Base64', encoding: shownEncoding }], encoding };
    return fail('cert.unreadable', { reason: 'base64', encoding: shownEncoding });
  }
  if (printable && compact.length > 0) return fail('cert.unreadable', { reason: 'text', encoding: shownEncoding });
  return fail('cert.unreadable', { reason: 'format' });
}

/** Longest part of ignored text quoted back to the user. */
export const IGNORED_TEXT_SHOWN = 40;

/**
 * The text after a PEM block as the user is told it was ignored: undefined when it is only blank
 * (spaces, CR/LF, tabs, NUL padding); else its first non-blank line, trimmed, control characters shown
 * as U+FFFD, cut to IGNORED_TEXT_SHOWN characters with « … » when anything more follows.
 */
export function ignoredTextExcerpt(after: string): string | undefined {
  const rest = after.replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
  if (rest === '') return undefined;
  const line = [...(rest.split(/\r\n|\n|\r/)[0] ?? '').trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd')];
  const shown = line.slice(0, IGNORED_TEXT_SHOWN).join('');
  return shown.length < rest.length ? `${shown}…` : shown;
}

/** What one DER structure is, by content (never by label). */
export type StructureKind = 'pkcs12' | 'pkcs7' | 'privateKey' | 'csr' | 'publicKey' | 'certificate' | 'unknown';

/** PKCS#10 CertificationRequestInfo: SEQUENCE { INTEGER 0, Name, SPKI, [0] attributes }. */
function looksLikeCsr(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite) return false;
  const [info, alg, sig] = children(buf, outer, 4);
  if (info?.tag !== TAG.SEQUENCE || alg?.tag !== TAG.SEQUENCE || sig?.tag !== TAG.BIT_STRING) return false;
  const kids = children(buf, info, 6);
  return kids.length === 4 && kids[0]?.tag === TAG.INTEGER && kids[3]?.tag === 0xa0;
}

/** SubjectPublicKeyInfo (SEQUENCE { AlgorithmIdentifier, BIT STRING }) or PKCS#1 RSAPublicKey (n, e). */
function looksLikePublicKey(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite || outer.end !== buf.length) return false;
  const kids = children(buf, outer, 3);
  if (kids.length !== 2) return false;
  const [a, b] = kids;
  if (a?.tag === TAG.SEQUENCE && b?.tag === TAG.BIT_STRING) return readTlv(buf, a.start)?.tag === TAG.OID;
  return a?.tag === TAG.INTEGER && b?.tag === TAG.INTEGER;
}

/** End offset of the first certificate when `buf` starts with one; undefined otherwise. */
function certificateEnd(buf: Uint8Array): number | undefined {
  const first = readTlv(buf, 0);
  if (!first || first.tag !== TAG.SEQUENCE || first.indefinite) return undefined;
  return parseCertificate(buf.subarray(0, first.end)) ? first.end : undefined;
}

/**
 * Certificate SHAPE (RFC 5280 §4.1: SEQUENCE { tbs SEQUENCE, algorithm SEQUENCE, signature BIT STRING })
 * without the full parse, which costs ~100× more (README "Why der.ts stays"); CSRs are ruled out first.
 */
function looksLikeCertificate(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite) return false;
  const [tbs, alg, sig] = children(buf, outer, 4);
  return tbs?.tag === TAG.SEQUENCE && alg?.tag === TAG.SEQUENCE && sig?.tag === TAG.BIT_STRING;
}

/** Detectors in the order: PKCS#12, PKCS#7, private key, CSR, public key, certificate. */
export function classifyStructure(der: Uint8Array): StructureKind {
  if (looksLikePkcs12(der)) return 'pkcs12';
  if (looksLikePkcs7(der)) return 'pkcs7';
  if (looksLikeDerPrivateKey(der)) return 'privateKey';
  if (looksLikeCsr(der)) return 'csr';
  if (looksLikePublicKey(der)) return 'publicKey';
  return looksLikeCertificate(der) ? 'certificate' : 'unknown';
}

const isPad = (b: number): boolean => b === 0x00 || b === 0x09 || b === 0x0a || b === 0x0b || b === 0x0c || b === 0x0d || b === 0x20;

function onlyPadding(buf: Uint8Array): boolean {
  return buf.every(isPad);
}

/**
 * OpenSSL's X509_CERT_AUX (crypto/x509/x_x509a.c): SEQUENCE { trust SEQUENCE OF OID OPTIONAL,
 * reject [0] OPTIONAL, alias UTF8String OPTIONAL, keyid OCTET STRING OPTIONAL, other [1] OPTIONAL },
 * fields in that order. Returns its end offset, or undefined.
 */
function opensslAuxEnd(buf: Uint8Array): number | undefined {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite) return undefined;
  const order = [TAG.SEQUENCE, 0xa0, 0x0c, TAG.OCTET_STRING, 0xa1];
  let pos = outer.start;
  let rank = 0;
  for (const kid of children(buf, outer, 6)) {
    const r = order.indexOf(kid.tag as (typeof order)[number], rank);
    if (r < 0 || kid.indefinite) return undefined;
    rank = r + 1;
    pos = kid.end;
  }
  return pos === outer.end ? outer.end : undefined;
}

/** Step 2c: what follows the first certificate, judged (SPEC §4.4, issue 12 kind 3). */
function judgeTrailing(buf: Uint8Array, end: number): RuleResult<{ notes: CertificateNote[] }> {
  const rest = buf.subarray(end);
  if (rest.length === 0) return { ok: true, notes: [] };
  if (onlyPadding(rest)) return { ok: true, notes: ['padding'] };
  const auxEnd = opensslAuxEnd(rest);
  if (auxEnd !== undefined && onlyPadding(rest.subarray(auxEnd))) return { ok: true, notes: ['opensslTrust'] };
  // Certificates back to back (a chain saved as DER): "more than one", not "damaged".
  let count = 1;
  let tail = rest;
  for (let next = certificateEnd(tail); next !== undefined && count < 64; next = certificateEnd(tail)) {
    count++;
    tail = tail.subarray(next);
  }
  if (count > 1) return fail('cert.unreadable', { reason: 'multiple', found: count });
  return fail('cert.unreadable', { reason: 'trailing', found: rest.length });
}

function structureFailure(kind: StructureKind, c: Candidate): RuleFailure {
  const format = c.armour === 'DER' ? 'DER' : 'PEM';
  switch (kind) {
    case 'pkcs12':
      return fail('cert.pkcs12', { fileName: '', reason: 'content' });
    case 'privateKey':
      return fail('cert.private-key', { format });
    case 'pkcs7':
      return fail('cert.unreadable', { reason: 'pkcs7', ...(c.label ? { found: c.label } : {}) });
    case 'csr':
      return fail('cert.unreadable', { reason: 'csr', ...(c.label ? { found: c.label } : {}) });
    case 'publicKey':
      return fail('cert.unreadable', { reason: 'publicKey', ...(c.label ? { found: c.label } : {}) });
    default:
      return unknownFailure(c);
  }
}

/** Content not recognised: a damaged block still says what its label announced. */
function unknownFailure(c: Candidate): RuleFailure {
  const label = c.label;
  if (c.armour === 'Base64') return fail('cert.unreadable', { reason: 'base64', encoding: c.encoding ?? 'UTF-8' });
  if (label === undefined || label.endsWith('CERTIFICATE')) return fail('cert.unreadable', { reason: 'invalid' });
  if (label === 'PKCS7' || label === 'CMS') return fail('cert.unreadable', { reason: 'pkcs7', found: label });
  if (label.includes('CERTIFICATE REQUEST')) return fail('cert.unreadable', { reason: 'csr', found: label });
  if (label.includes('PUBLIC KEY')) return fail('cert.unreadable', { reason: 'publicKey', found: label });
  return fail('cert.unreadable', { reason: 'pemType', found: label });
}

/**
 * SPEC §4.4 step 2: the single certificate of an uploaded file, or the step-2 failure (also
 * `cert.pkcs12` / `cert.private-key` when that is what the armour held — `fileName` is left ''
 * for the caller to fill in).
 */
export function decodeCertificate(bytes: Uint8Array): RuleResult<DecodedCertificate> {
  const envelope = unwrapCertificateFile(bytes);
  if (!envelope.ok) return envelope;
  const kinds = envelope.candidates.map((c) => (c.der ? classifyStructure(c.der) : 'unknown'));
  // Secrets first: a private key anywhere must be reported, whatever else is in the file.
  for (const worst of ['pkcs12', 'privateKey'] as const) {
    const i = kinds.indexOf(worst);
    const c = envelope.candidates[i];
    if (c) return structureFailure(worst, c);
  }
  const certs = envelope.candidates.filter((_, i) => kinds[i] === 'certificate');
  if (certs.length > 1) return fail('cert.unreadable', { reason: 'multiple', found: certs.length });
  const chosen = certs[0];
  if (!chosen?.der) {
    const first = envelope.candidates[0];
    return first ? structureFailure(kinds[0] ?? 'unknown', first) : fail('cert.unreadable', { reason: 'format' });
  }
  // Parsed once, in full: a certificate-shaped structure that does not parse is damaged.
  const end = readTlv(chosen.der, 0)?.end ?? chosen.der.length;
  const der = chosen.der.subarray(0, end);
  const cert = parseCertificate(der);
  if (!cert) return fail('cert.unreadable', { reason: 'invalid' });
  const trailing = judgeTrailing(chosen.der, end);
  if (!trailing.ok) return trailing;
  const notes: CertificateNote[] = [...trailing.notes];
  if (envelope.encoding !== 'binary' && envelope.encoding !== 'latin1') notes.unshift('textEncoding');
  if (envelope.textAfter !== undefined) notes.push('textAfter');
  return {
    ok: true,
    der,
    cert,
    format: chosen.armour === 'DER' ? 'DER' : 'PEM',
    armour: chosen.armour,
    encoding: envelope.encoding,
    notes,
    ...(envelope.textAfter === undefined ? {} : { ignoredText: envelope.textAfter }),
  };
}

/** The certificate's DER alone, for callers that need only the bytes (e.g. `chaman check --trust`). */
export function decodeCertificateFile(bytes: Uint8Array): RuleResult<{ der: Uint8Array; format: 'DER' | 'PEM' }> {
  const decoded = decodeCertificate(bytes);
  return decoded.ok ? { ok: true, der: decoded.der, format: decoded.format } : decoded;
}
