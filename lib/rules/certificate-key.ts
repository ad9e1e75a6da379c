/**
 * SPEC §4.4 steps 3–4 (key and signature hash) and the signature verification used by
 * step 6 (self-signed detection, trust-store issuer).
 *
 * Verification uses WebCrypto (`globalThis.crypto.subtle`: Node ≥ 20 and browsers), which
 * covers every signature that can reach step 6: step 4 has already refused anything that is
 * not SHA-256/384/512, so MD5 and SHA-1 never need verifying.
 */
import { TAG, children, decodeOid, decodeSmallInt, encodeBase64, readTlv } from './der';
import type { KeyInfo, ParsedCertificate } from './certificate-parse';
import type { RuleFailure } from './result';
import { fail } from './result';

/** SPEC §4.4 step 3: RSA 2048/3072/4096 exactly, EC P-384/P-521. */
export const ALLOWED_RSA_BITS: readonly number[] = [2048, 3072, 4096];
export const ALLOWED_CURVES: readonly string[] = ['P-384', 'P-521'];
/** SPEC §4.4 step 4. */
export const ALLOWED_HASHES: readonly string[] = ['SHA-256', 'SHA-384', 'SHA-512'];

const ALLOWED_KEYS_TEXT = 'RSA 2048, RSA 3072, RSA 4096, EC P-384, EC P-521';

export function describeKey(key: KeyInfo): string {
  if (key.kind === 'RSA') return `RSA ${key.bits}`;
  if (key.kind === 'EC') return `EC ${key.curve}`;
  return key.name;
}

/** SPEC §4.4 step 3. Key type first, then size (RSA) or curve (EC). */
export function checkKey(key: KeyInfo): RuleFailure | undefined {
  const found = describeKey(key);
  if (key.kind === 'RSA') {
    return ALLOWED_RSA_BITS.includes(key.bits)
      ? undefined
      : fail('cert.key-size', { found, bits: key.bits, allowed: ALLOWED_KEYS_TEXT });
  }
  if (key.kind === 'EC') {
    return ALLOWED_CURVES.includes(key.curve)
      ? undefined
      : fail('cert.curve', { found, curve: key.curve, allowed: 'P-384, P-521' });
  }
  return fail('cert.key-type', { found, allowed: ALLOWED_KEYS_TEXT });
}

export type SignatureScheme = 'RSA' | 'RSA-PSS' | 'ECDSA' | 'DSA' | 'EdDSA' | 'unknown';

export interface SignatureInfo {
  scheme: SignatureScheme;
  /** 'SHA-256', 'SHA-1', 'MD5', 'SHA3-256', … or 'none' (EdDSA) / 'unknown'. */
  hash: string;
  /** Display form, e.g. 'SHA-256 with RSA', 'SHA-384 with ECDSA', 'Ed25519'. */
  label: string;
  /** RSASSA-PSS salt length in bytes. */
  saltLength?: number;
}

const HASH_OIDS: Record<string, string> = {
  '1.2.840.113549.2.2': 'MD2',
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '2.16.840.1.101.3.4.2.7': 'SHA3-224',
  '2.16.840.1.101.3.4.2.8': 'SHA3-256',
  '2.16.840.1.101.3.4.2.9': 'SHA3-384',
  '2.16.840.1.101.3.4.2.10': 'SHA3-512',
};

const SIGNATURE_OIDS: Record<string, [SignatureScheme, string]> = {
  '1.2.840.113549.1.1.2': ['RSA', 'MD2'],
  '1.2.840.113549.1.1.4': ['RSA', 'MD5'],
  '1.2.840.113549.1.1.5': ['RSA', 'SHA-1'],
  '1.3.14.3.2.29': ['RSA', 'SHA-1'],
  '1.2.840.113549.1.1.14': ['RSA', 'SHA-224'],
  '1.2.840.113549.1.1.11': ['RSA', 'SHA-256'],
  '1.2.840.113549.1.1.12': ['RSA', 'SHA-384'],
  '1.2.840.113549.1.1.13': ['RSA', 'SHA-512'],
  '2.16.840.1.101.3.4.3.13': ['RSA', 'SHA3-224'],
  '2.16.840.1.101.3.4.3.14': ['RSA', 'SHA3-256'],
  '2.16.840.1.101.3.4.3.15': ['RSA', 'SHA3-384'],
  '2.16.840.1.101.3.4.3.16': ['RSA', 'SHA3-512'],
  '1.2.840.10045.4.1': ['ECDSA', 'SHA-1'],
  '1.2.840.10045.4.3.1': ['ECDSA', 'SHA-224'],
  '1.2.840.10045.4.3.2': ['ECDSA', 'SHA-256'],
  '1.2.840.10045.4.3.3': ['ECDSA', 'SHA-384'],
  '1.2.840.10045.4.3.4': ['ECDSA', 'SHA-512'],
  '2.16.840.1.101.3.4.3.9': ['ECDSA', 'SHA3-224'],
  '2.16.840.1.101.3.4.3.10': ['ECDSA', 'SHA3-256'],
  '2.16.840.1.101.3.4.3.11': ['ECDSA', 'SHA3-384'],
  '2.16.840.1.101.3.4.3.12': ['ECDSA', 'SHA3-512'],
  '1.2.840.10040.4.3': ['DSA', 'SHA-1'],
  '2.16.840.1.101.3.4.3.1': ['DSA', 'SHA-224'],
  '2.16.840.1.101.3.4.3.2': ['DSA', 'SHA-256'],
};

/** RFC 4055 RSASSA-PSS-params: [0] hashAlgorithm (default SHA-1), [2] saltLength (default 20). */
function pssParams(params: Uint8Array | undefined): { hash: string; saltLength: number } {
  let hash = 'SHA-1';
  let saltLength = 20;
  const seq = params ? readTlv(params, 0) : undefined;
  if (!params || !seq || seq.tag !== TAG.SEQUENCE) return { hash, saltLength };
  for (const field of children(params, seq, 4)) {
    if (field.tag === 0xa0) {
      const alg = readTlv(params, field.start);
      const oid = alg ? readTlv(params, alg.start) : undefined;
      const name = oid ? decodeOid(params, oid) : undefined;
      hash = name === undefined ? 'unknown' : (HASH_OIDS[name] ?? name);
    } else if (field.tag === 0xa2) {
      const int = readTlv(params, field.start);
      saltLength = (int && decodeSmallInt(params, int)) ?? saltLength;
    }
  }
  return { hash, saltLength };
}

export function describeSignature(oid: string, params?: Uint8Array): SignatureInfo {
  if (oid === '1.2.840.113549.1.1.10') {
    const p = pssParams(params);
    return { scheme: 'RSA-PSS', hash: p.hash, label: `${p.hash} with RSA-PSS`, saltLength: p.saltLength };
  }
  if (oid === '1.3.101.112') return { scheme: 'EdDSA', hash: 'none', label: 'Ed25519' };
  if (oid === '1.3.101.113') return { scheme: 'EdDSA', hash: 'none', label: 'Ed448' };
  const known = SIGNATURE_OIDS[oid];
  if (!known) return { scheme: 'unknown', hash: 'unknown', label: oid };
  return { scheme: known[0], hash: known[1], label: `${known[1]} with ${known[0]}` };
}

/** SPEC §4.4 step 4. EdDSA has no separate hash to choose, so it is not among the accepted ones. */
export function checkSignatureHash(sig: SignatureInfo): RuleFailure | undefined {
  if (ALLOWED_HASHES.includes(sig.hash)) return undefined;
  const found = sig.hash === 'none' || sig.hash === 'unknown' ? sig.label : sig.hash;
  return fail('cert.signature-hash', { found, algorithm: sig.label, allowed: ALLOWED_HASHES.join(', ') });
}

const EC_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** ECDSA-Sig-Value DER SEQUENCE { r, s } → WebCrypto's fixed-size r‖s. */
function ecdsaDerToRaw(sig: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  const seq = readTlv(sig, 0);
  if (!seq || seq.tag !== TAG.SEQUENCE || seq.end !== sig.length) return undefined;
  const parts = children(sig, seq, 3);
  if (parts.length !== 2) return undefined;
  const out = new Uint8Array(size * 2);
  for (const [i, int] of parts.entries()) {
    if (int.tag !== TAG.INTEGER) return undefined;
    let bytes = sig.subarray(int.start, int.end);
    while (bytes.length > 0 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    out.set(bytes, i * size + size - bytes.length);
  }
  return out;
}

// Imported CA keys are reused across checks (trust-store CAs are verified again and again).
const keyCache = new Map<string, Promise<CryptoKey | undefined>>();
const KEY_CACHE_MAX = 256;

function importVerifyKey(spki: Uint8Array, alg: RsaHashedImportParams | EcKeyImportParams): Promise<CryptoKey | undefined> {
  // The key is the full SPKI (not a hash): a collision would let one key stand in for another.
  const id = `${alg.name}|${'hash' in alg ? String(alg.hash) : alg.namedCurve}|${encodeBase64(spki)}`;
  let entry = keyCache.get(id);
  if (!entry) {
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    entry = globalThis.crypto.subtle
      .importKey('spki', spki.slice(), alg, false, ['verify'])
      .catch(() => undefined);
    keyCache.set(id, entry);
  }
  return entry;
}

/**
 * Does `cert`'s signature verify with the public key `signerSpki` (of `signerKey` type)?
 * Resolves false for anything unverifiable (unsupported scheme, wrong key type, bad bytes).
 */
export async function verifySignature(
  cert: ParsedCertificate,
  sig: SignatureInfo,
  signerSpki: Uint8Array,
  signerKey: KeyInfo,
): Promise<boolean> {
  if (!ALLOWED_HASHES.includes(sig.hash)) return false;
  const subtle = globalThis.crypto.subtle;
  try {
    if ((sig.scheme === 'RSA' || sig.scheme === 'RSA-PSS') && signerKey.kind === 'RSA') {
      const name = sig.scheme === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS';
      const key = await importVerifyKey(signerSpki, { name, hash: sig.hash });
      if (!key) return false;
      const params = sig.scheme === 'RSA' ? { name } : { name, saltLength: sig.saltLength ?? 20 };
      return await subtle.verify(params, key, cert.signature.slice(), cert.tbs.slice());
    }
    if (sig.scheme === 'ECDSA' && signerKey.kind === 'EC') {
      const size = EC_SIZES[signerKey.curve];
      const raw = size ? ecdsaDerToRaw(cert.signature, size) : undefined;
      if (!raw) return false;
      const key = await importVerifyKey(signerSpki, { name: 'ECDSA', namedCurve: signerKey.curve });
      if (!key) return false;
      return await subtle.verify({ name: 'ECDSA', hash: sig.hash }, key, raw, cert.tbs.slice());
    }
  } catch {
    return false;
  }
  return false;
}
