/**
 * Key-pair generation for the certificate and SSH factories (node:crypto, server/scripts only).
 *
 * OpenSSL rounds some odd RSA sizes (asking 4097 bits yields 4096), but the rules must be
 * tested exactly at their boundaries (SPEC §4.3 2048…4096 inclusive, SPEC §4.4 exact sizes),
 * so when OpenSSL misses the size the key is assembled from two primes of the right sizes.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  generatePrime,
  generatePrimeSync,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

export type KeySpec = { kind: 'RSA'; bits: number } | { kind: 'EC'; curve: 'P-256' | 'P-384' | 'P-521' } | { kind: 'Ed25519' };

export interface NodeKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const OPENSSL_CURVES = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' } as const;

const generateKeyPairAsync = promisify(generateKeyPair);
const E = 65537n;

function rsaBits(pair: NodeKeyPair): number | undefined {
  return pair.publicKey.asymmetricKeyDetails?.modulusLength;
}

function bitLen(n: bigint): number {
  return n.toString(2).length;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('not invertible');
  return ((oldS % m) + m) % m;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function b64url(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

/** RSA key from primes p, q (e = 65537), or undefined when they do not give `bits` bits. */
function rsaFromPrimes(p: bigint, q: bigint, bits: number): NodeKeyPair | undefined {
  const n = p * q;
  const phi = (p - 1n) * (q - 1n);
  if (p === q || bitLen(n) !== bits || gcd(E, phi) !== 1n) return undefined;
  const lambda = phi / gcd(p - 1n, q - 1n);
  const d = modInverse(E, lambda);
  const jwk = {
    kty: 'RSA',
    n: b64url(n),
    e: b64url(E),
    d: b64url(d),
    p: b64url(p),
    q: b64url(q),
    dp: b64url(d % (p - 1n)),
    dq: b64url(d % (q - 1n)),
    qi: b64url(modInverse(q, p)),
  };
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const MAX_PRIME_TRIES = 64;

function primeAsync(size: number): Promise<bigint> {
  return new Promise((resolve, reject) => {
    generatePrime(size, { bigint: true }, (err, prime) => (err ? reject(err) : resolve(prime)));
  });
}

async function rsaExact(bits: number): Promise<NodeKeyPair> {
  for (let i = 0; i < MAX_PRIME_TRIES; i++) {
    const [p, q] = await Promise.all([primeAsync(Math.ceil(bits / 2)), primeAsync(Math.floor(bits / 2))]);
    const pair = rsaFromPrimes(p, q, bits);
    if (pair) return pair;
  }
  throw new Error(`could not build an RSA ${bits}-bit key`);
}

function rsaExactSync(bits: number): NodeKeyPair {
  for (let i = 0; i < MAX_PRIME_TRIES; i++) {
    const p = generatePrimeSync(Math.ceil(bits / 2), { bigint: true });
    const q = generatePrimeSync(Math.floor(bits / 2), { bigint: true });
    const pair = rsaFromPrimes(p, q, bits);
    if (pair) return pair;
  }
  throw new Error(`could not build an RSA ${bits}-bit key`);
}

function checkSpec(spec: KeySpec): void {
  if (spec.kind === 'RSA' && (!Number.isInteger(spec.bits) || spec.bits < 512 || spec.bits > 16384)) {
    throw new RangeError(`RSA key size must be an integer in 512…16384, got ${spec.bits}`);
  }
}

/** Generates a key pair of exactly the given spec (async: runs on the libuv thread pool). */
export async function generateNodeKeyPair(spec: KeySpec): Promise<NodeKeyPair> {
  checkSpec(spec);
  if (spec.kind === 'RSA') {
    const pair = await generateKeyPairAsync('rsa', { modulusLength: spec.bits, publicExponent: 65537 });
    return rsaBits(pair) === spec.bits ? pair : rsaExact(spec.bits);
  }
  if (spec.kind === 'EC') return generateKeyPairAsync('ec', { namedCurve: OPENSSL_CURVES[spec.curve] });
  return generateKeyPairAsync('ed25519');
}

/** Synchronous variant (blocks the event loop: ~1 s for RSA 4096). */
export function generateNodeKeyPairSync(spec: KeySpec): NodeKeyPair {
  checkSpec(spec);
  if (spec.kind === 'RSA') {
    const pair = generateKeyPairSync('rsa', { modulusLength: spec.bits, publicExponent: 65537 });
    return rsaBits(pair) === spec.bits ? pair : rsaExactSync(spec.bits);
  }
  if (spec.kind === 'EC') return generateKeyPairSync('ec', { namedCurve: OPENSSL_CURVES[spec.curve] });
  return generateKeyPairSync('ed25519');
}

/** WebCrypto view of a node key pair (RSA keys are bound to RSASSA-PKCS1-v1_5 / SHA-256, e.g. for RS256). */
export async function toCryptoKeyPair(pair: NodeKeyPair, spec: KeySpec): Promise<CryptoKeyPair> {
  const alg: RsaHashedImportParams | EcKeyImportParams | Algorithm =
    spec.kind === 'RSA'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : spec.kind === 'EC'
        ? { name: 'ECDSA', namedCurve: spec.curve }
        : { name: 'Ed25519' };
  const subtle = globalThis.crypto.subtle;
  const [privateKey, publicKey] = await Promise.all([
    subtle.importKey('pkcs8', pair.privateKey.export({ type: 'pkcs8', format: 'der' }), alg, true, ['sign']),
    subtle.importKey('spki', pair.publicKey.export({ type: 'spki', format: 'der' }), alg, true, ['verify']),
  ]);
  return { privateKey, publicKey };
}
