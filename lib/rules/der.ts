/**
 * Minimal, defensive DER/BER and PEM helpers for the certificate rule (SPEC §4.4).
 *
 * Used to *sniff* structures (PKCS#12, private keys, PKCS#7, trailing data) before and
 * around the full X.509 parse, so that the user gets the precise rule code instead of a
 * generic "unreadable". Every function is total: bad input gives `undefined`/false, never
 * an exception, and every length is bounds-checked against the buffer.
 * Isomorphic (no Buffer, no node:*).
 */

export interface Tlv {
  /** Identifier octet (single-byte tags only; high-tag-number form is reported as undefined). */
  tag: number;
  /** Offset of the identifier octet. */
  offset: number;
  /** Offset of the first content octet. */
  start: number;
  /** Offset just past the content (for BER indefinite length: the end of the input). */
  end: number;
  indefinite: boolean;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads one TLV header at `offset`. Indefinite lengths are allowed only for constructed tags. */
export function readTlv(buf: Uint8Array, offset: number): Tlv | undefined {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return undefined;
  let start = offset + 2;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else if (first === 0x80) {
    if ((tag & 0x20) === 0) return undefined;
    return { tag, offset, start, end: buf.length, indefinite: true };
  } else {
    const n = first & 0x7f;
    if (n > 4 || start + n > buf.length) return undefined;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  const end = start + length;
  if (end > buf.length) return undefined;
  return { tag, offset, start, end, indefinite: false };
}

/** Children of a constructed TLV (stops at the first unreadable child or an end-of-contents marker). */
export function children(buf: Uint8Array, parent: Tlv, max = 64): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (pos < parent.end && out.length < max) {
    if (buf[pos] === 0x00 && buf[pos + 1] === 0x00) break; // BER end-of-contents
    const child = readTlv(buf, pos);
    if (!child) break;
    out.push(child);
    if (child.indefinite) break; // cannot know where it ends without a full BER parser
    pos = child.end;
  }
  return out;
}

/** Decodes an OBJECT IDENTIFIER's content octets to dotted form. */
export function decodeOid(buf: Uint8Array, tlv: Tlv): string | undefined {
  if (tlv.tag !== TAG.OID || tlv.end <= tlv.start || tlv.end - tlv.start > 64) return undefined;
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) {
    const b = buf[i] ?? 0;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) return undefined;
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  return arcs.join('.');
}

/** Small non-negative INTEGER value (≤ 2^31), else undefined. */
export function decodeSmallInt(buf: Uint8Array, tlv: Tlv): number | undefined {
  const len = tlv.end - tlv.start;
  if (tlv.tag !== TAG.INTEGER || len < 1 || len > 4 || ((buf[tlv.start] ?? 0) & 0x80) !== 0) return undefined;
  let v = 0;
  for (let i = tlv.start; i < tlv.end; i++) v = v * 256 + (buf[i] ?? 0);
  return v;
}

/** Number of significant bits of an unsigned big-endian integer. */
export function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const top = bytes[i];
  if (top === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(top));
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

/**
 * PKCS#12 PFX (RFC 7292 §4): SEQUENCE { INTEGER 3, SEQUENCE { OID data|signedData, … } … }.
 * Accepts BER indefinite lengths: Windows and Java exports often use them.
 */
export function looksLikePkcs12(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE) return false;
  const version = readTlv(buf, outer.start);
  if (!version || decodeSmallInt(buf, version) !== 3) return false;
  const authSafe = readTlv(buf, version.end);
  if (!authSafe || authSafe.tag !== TAG.SEQUENCE) return false;
  const oid = readTlv(buf, authSafe.start);
  const name = oid ? decodeOid(buf, oid) : undefined;
  return name === OID_DATA || name === OID_SIGNED_DATA;
}

/** PKCS#7 / CMS ContentInfo with signedData (a `.p7b` certificate bundle). */
export function looksLikePkcs7(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE) return false;
  const oid = readTlv(buf, outer.start);
  return oid !== undefined && decodeOid(buf, oid) === OID_SIGNED_DATA;
}

/**
 * DER private keys: PKCS#8 PrivateKeyInfo / OneAsymmetricKey, EncryptedPrivateKeyInfo,
 * PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey, OpenSSL DSA. A certificate is
 * SEQUENCE { SEQUENCE, SEQUENCE, BIT STRING } and never matches.
 */
export function looksLikeDerPrivateKey(buf: Uint8Array): boolean {
  const outer = readTlv(buf, 0);
  if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite) return false;
  const kids = children(buf, outer, 12);
  const [a, b, c] = kids;
  if (!a || !b) return false;
  const version = decodeSmallInt(buf, a);
  // PKCS#8: INTEGER 0|1, AlgorithmIdentifier, OCTET STRING privateKey
  if ((version === 0 || version === 1) && b.tag === TAG.SEQUENCE && c?.tag === TAG.OCTET_STRING) return true;
  // EncryptedPrivateKeyInfo: AlgorithmIdentifier(OID …), OCTET STRING, nothing else
  if (kids.length === 2 && a.tag === TAG.SEQUENCE && b.tag === TAG.OCTET_STRING) {
    const oid = readTlv(buf, a.start);
    return oid?.tag === TAG.OID;
  }
  // SEC1 ECPrivateKey: INTEGER 1, OCTET STRING, [0] params?, [1] publicKey?
  if (version === 1 && b.tag === TAG.OCTET_STRING) return true;
  // PKCS#1 RSAPrivateKey (9 INTEGERs, version 0) and OpenSSL DSA (6 INTEGERs, version 0)
  if (version === 0 && kids.length >= 6 && kids.every((k) => k.tag === TAG.INTEGER)) return true;
  return false;
}

export interface PemBlock {
  label: string;
  body: string;
  /** Offset in the text just after the block's END line marker. */
  end: number;
}

/**
 * The `-----BEGIN X-----…-----END X-----` blocks of a text (text around them is ignored).
 * Linear-time on hostile input: at most 64 BEGIN markers are examined, each END is found
 * with one indexOf (a backtracking regex would be quadratic on thousands of BEGINs).
 */
export function pemBlocks(text: string, max = 16): PemBlock[] {
  const out: PemBlock[] = [];
  const begin = /-----BEGIN ([A-Z0-9 #]{1,64})-----/g;
  let examined = 0;
  for (let m = begin.exec(text); m !== null && out.length < max && examined < 64; m = begin.exec(text)) {
    examined++;
    const label = m[1] ?? '';
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, begin.lastIndex);
    if (end < 0) continue;
    out.push({ label, body: text.slice(begin.lastIndex, end), end: end + endMarker.length });
    begin.lastIndex = end + endMarker.length;
  }
  return out;
}

/** A private key marker (PEM of any kind, OpenSSH, PuTTY), even without its END line. */
export function hasPrivateKeyMarker(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/.test(text) || /PuTTY-User-Key-File-\d{1,3}\s{0,8}:/i.test(text);
}

/** Strict base64 → bytes (whitespace ignored); undefined when not base64. Isomorphic (atob). */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return undefined;
  try {
    const bin = atob(clean);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function toHex(bytes: Uint8Array, separator = ''): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(separator);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
