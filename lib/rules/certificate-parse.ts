/**
 * SPEC §4.4 step 2 — "content is one X.509 certificate, DER or PEM — else `cert.unreadable`;
 * a private key — `cert.private-key`". Turns uploaded bytes into a ParsedCertificate.
 *
 * The full structure is parsed with @peculiar/asn1-x509 (a well-formedness check in itself);
 * raw byte ranges (tbs, names, SPKI) are cut out of the original DER with the small walker of
 * `der.ts`, so signatures are verified over exactly the bytes that were signed.
 * Isomorphic: no Buffer, no node:*.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name } from '@peculiar/asn1-x509';
import { TAG, bitLength, children, decodeOid, readTlv, toHex, type Tlv } from './der';

export type KeyInfo =
  | { kind: 'RSA'; bits: number }
  /** `curve`: 'P-256' | 'P-384' | 'P-521' | another curve's name | its OID | 'explicit parameters'. */
  | { kind: 'EC'; curve: string }
  | { kind: 'other'; name: string };

export interface NameInfo {
  /** Raw DER of the Name, as in the certificate. */
  der: Uint8Array;
  /** Comparison form: attribute OIDs and case-folded, whitespace-collapsed values. */
  normalized: string;
  cn?: string;
  o?: string;
  /** RFC 4514-like display, e.g. `CN=Jean Dupont, O=Acme, C=BE`. */
  display: string;
}

export interface ParsedCertificate {
  der: Uint8Array;
  /** Raw TBSCertificate: the signed bytes. */
  tbs: Uint8Array;
  signatureOid: string;
  /** Raw DER of the signature AlgorithmIdentifier's parameters (RSASSA-PSS), if any. */
  signatureParams?: Uint8Array;
  signature: Uint8Array;
  /** Raw DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  key: KeyInfo;
  subject: NameInfo;
  issuer: NameInfo;
  notBefore: Date;
  notAfter: Date;
  /**
   * Serial number as RFC 5280 §4.1.2.2 encodes it: a signed INTEGER. Upper-case hex without leading
   * zeros, with a '-' when negative (two's complement), as `openssl x509 -serial` shows it.
   */
  serialHex: string;
  /** The same serial in decimal, signed (`-546436750429`), as `openssl x509 -text` shows it. */
  serialDecimal: string;
  /** Key usage bit names, or null when the extension is absent. */
  keyUsage: string[] | null;
}

const ATTR_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
};

const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.2.840.10045.3.1.1': 'P-192',
  '1.3.132.0.33': 'P-224',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};

const KEY_TYPES: Record<string, string> = {
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.10046.2.1': 'DH',
  '1.2.840.113549.1.3.1': 'DH',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012',
  '1.2.643.7.1.1.1.2': 'GOST R 34.10-2012',
};

const KEY_USAGE_BITS = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment',
  'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;

/** Bytes from `tlv.offset` to `tlv.end` (the whole element). */
function slice(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.offset, tlv.end);
}

function nameInfo(name: Name, der: Uint8Array): NameInfo {
  const parts: string[] = [];
  const norm: string[] = [];
  let cn: string | undefined;
  let o: string | undefined;
  for (const rdn of name) {
    const atvs = rdn.map((atv) => ({ type: atv.type, value: atv.value.toString() }));
    for (const { type, value } of atvs) {
      if (type === '2.5.4.3') cn ??= value;
      if (type === '2.5.4.10') o ??= value;
    }
    parts.push(atvs.map((a) => `${ATTR_NAMES[a.type] ?? a.type}=${a.value}`).join('+'));
    norm.push(atvs.map((a) => `${a.type}=${a.value.trim().replace(/\s+/g, ' ').toLowerCase()}`).sort().join('+'));
  }
  return {
    der,
    normalized: norm.join(','),
    ...(cn !== undefined ? { cn } : {}),
    ...(o !== undefined ? { o } : {}),
    display: parts.reverse().join(', '),
  };
}

/** SPEC §4.4 step 3 input: what key a DER SubjectPublicKeyInfo carries (undefined if malformed). */
export function spkiKeyInfo(spki: Uint8Array): KeyInfo | undefined {
  const outer = readTlv(spki, 0);
  if (!outer) return undefined;
  const [algSeq, bits] = children(spki, outer, 3);
  if (!algSeq || !bits || algSeq.tag !== TAG.SEQUENCE || bits.tag !== TAG.BIT_STRING) return undefined;
  const [oidTlv, paramTlv] = children(spki, algSeq, 2);
  const oid = oidTlv ? decodeOid(spki, oidTlv) : undefined;
  if (oid === undefined) return undefined;
  if (oid === '1.2.840.113549.1.1.1') {
    // BIT STRING (unused-bits octet) → RSAPublicKey SEQUENCE { INTEGER n, INTEGER e }
    const rsa = readTlv(spki, bits.start + 1);
    const n = rsa && rsa.tag === TAG.SEQUENCE ? readTlv(spki, rsa.start) : undefined;
    if (!n || n.tag !== TAG.INTEGER) return undefined;
    return { kind: 'RSA', bits: bitLength(spki.subarray(n.start, n.end)) };
  }
  if (oid === '1.2.840.10045.2.1') {
    if (!paramTlv || paramTlv.tag !== TAG.OID) return { kind: 'EC', curve: 'explicit parameters' };
    const curve = decodeOid(spki, paramTlv);
    return curve === undefined ? undefined : { kind: 'EC', curve: CURVES[curve] ?? curve };
  }
  return { kind: 'other', name: KEY_TYPES[oid] ?? oid };
}

/** RFC 5280 §4.2.1.3 keyUsage BIT STRING → bit names. */
function keyUsageNames(ext: Uint8Array): string[] | undefined {
  const bs = readTlv(ext, 0);
  if (!bs || bs.tag !== TAG.BIT_STRING || bs.end !== ext.length || bs.end - bs.start < 1) return undefined;
  const names: string[] = [];
  KEY_USAGE_BITS.forEach((name, i) => {
    const byte = ext[bs.start + 1 + Math.floor(i / 8)];
    if (byte !== undefined && (byte & (0x80 >> i % 8)) !== 0) names.push(name);
  });
  return names;
}

/** Two's-complement big-endian INTEGER content → its signed value (RFC 5280 §4.1.2.2, X.690 §8.3). */
export function signedSerial(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(`0x${toHex(bytes)}`);
  return ((bytes[0] ?? 0) & 0x80) !== 0 ? unsigned - (1n << BigInt(bytes.length * 8)) : unsigned;
}

/**
 * Parses exactly one DER certificate; undefined when damaged, truncated, followed by extra
 * bytes or internally inconsistent. Never throws.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate | undefined {
  try {
    const outer = readTlv(der, 0);
    if (!outer || outer.tag !== TAG.SEQUENCE || outer.indefinite || outer.end !== der.length) return undefined;
    const [tbsTlv, sigAlgTlv, sigTlv] = children(der, outer, 4);
    if (!tbsTlv || !sigAlgTlv || sigTlv?.tag !== TAG.BIT_STRING) return undefined;
    const tbsParts = children(der, tbsTlv, 12);
    const base = tbsParts[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional (v1)
    const issuerTlv = tbsParts[base + 2];
    const subjectTlv = tbsParts[base + 4];
    const spkiTlv = tbsParts[base + 5];
    if (!issuerTlv || !subjectTlv || !spkiTlv) return undefined;

    const cert = AsnConvert.parse(der, Certificate);
    const tbs = cert.tbsCertificate;
    // RFC 5280 §4.1.1.2: the outer and inner signature algorithms must be identical.
    if (cert.signatureAlgorithm.algorithm !== tbs.signature.algorithm) return undefined;

    const spki = slice(der, spkiTlv);
    const key = spkiKeyInfo(spki);
    if (!key) return undefined;

    let keyUsage: string[] | null = null;
    for (const ext of tbs.extensions ?? []) {
      if (ext.extnID !== '2.5.29.15') continue;
      const names = keyUsageNames(new Uint8Array(ext.extnValue.buffer));
      if (!names) return undefined;
      keyUsage = names;
    }
    const serial = signedSerial(new Uint8Array(tbs.serialNumber));
    const params = cert.signatureAlgorithm.parameters;
    return {
      der,
      tbs: slice(der, tbsTlv),
      signatureOid: cert.signatureAlgorithm.algorithm,
      ...(params ? { signatureParams: new Uint8Array(params) } : {}),
      signature: new Uint8Array(cert.signatureValue),
      spki,
      key,
      subject: nameInfo(tbs.subject, slice(der, subjectTlv)),
      issuer: nameInfo(tbs.issuer, slice(der, issuerTlv)),
      notBefore: tbs.validity.notBefore.getTime(),
      notAfter: tbs.validity.notAfter.getTime(),
      serialHex: serial < 0n ? `-${(-serial).toString(16).toUpperCase()}` : serial.toString(16).toUpperCase(),
      serialDecimal: serial.toString(10),
      keyUsage,
    };
  } catch {
    return undefined;
  }
}
