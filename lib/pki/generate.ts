/**
 * Certificate and key factory — for the rule tests, the app's seed data and the trainer kit
 * (certificates a trainee can upload to see each SPEC §4.4 rule accept or refuse).
 *
 * Certificates are hand-assembled DER (RFC 5280) signed with node:crypto, so every case the
 * rules must recognise can be produced: RSA of any size (2047, 4097…), EC P-256/384/521,
 * Ed25519 subject keys, SHA-1 and even MD5 signatures, self-signed, CA-issued, or issued
 * under a CA's name by another key ("wrongly signed"). Server/scripts only (node:crypto).
 *
 * Example:
 *   const ca = await createCertificate({ subject: { cn: 'Test eID CA', c: 'BE' }, isCa: true });
 *   const leaf = await createCertificate({ subject: { cn: 'Jean Dupont', o: 'Acme' }, issuer: ca });
 *   fs.writeFileSync('leaf.cer', leaf.der);   // or leaf.pem
 */
import { constants, createHash, createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { X509Certificate } from './x509';
import { bitString, bool, concat, explicit, integer, nullValue, octetString, oid, printable, seq, set, time, toPem, utf8 } from './der-encode';
import { generateNodeKeyPair, toCryptoKeyPair, type KeySpec, type NodeKeyPair } from './keys';
import { parseCertificate, spkiKeyInfo, type KeyInfo, type ParsedCertificate } from '../rules/certificate-parse';
import { children, readTlv } from '../rules/der';

export type { KeySpec } from './keys';
export { generateSshKeyPair, type SshKeyPair } from './ssh';
export { makePkcs12Like } from './pkcs12';

/** 'MD5' exists only to produce refused certificates (SPEC §4.4 step 4: "MD5 never"). */
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'MD5';

export type KeyUsageName = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

export interface Issued {
  /** The certificate, DER. */
  der: Uint8Array;
  /** The certificate, PEM (`-----BEGIN CERTIFICATE-----`). */
  pem: string;
  /** Subject private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  privateKeyPem: string;
  /** Subject key pair for WebCrypto (RSA keys bound to RSASSA-PKCS1-v1_5/SHA-256, i.e. RS256). */
  keys: CryptoKeyPair;
  /** Parsed view (@peculiar/x509). */
  cert: X509Certificate;
}

/** Certificate content common to every way of issuing one. */
export interface CertificateFields {
  /** Subject name; `cn: ''` leaves the CN attribute out. */
  subject: { cn: string; o?: string; c?: string };
  /** Signature hash used by the signer (ignored for an Ed25519 signer). Default SHA-256. */
  hash?: HashName;
  /** Default: now − 1 day. */
  notBefore?: Date;
  /** Default: notBefore + 10 years for a CA, + 1 year otherwise. */
  notAfter?: Date;
  /** Adds basicConstraints cA=TRUE (critical). */
  isCa?: boolean;
  /** null ⇒ no keyUsage extension; default: CA → keyCertSign + cRLSign, leaf → digitalSignature. */
  keyUsage?: KeyUsageName[] | null;
  /** Default: 16 random bytes (positive). */
  serial?: bigint;
  /** Sign with RSASSA-PSS (MGF1 same hash, salt = hash length) instead of PKCS#1 v1.5; RSA signers only. */
  rsaPss?: boolean;
}

export interface CreateCertificateOptions extends CertificateFields {
  /** Subject key. Default RSA 2048. */
  key?: KeySpec;
  /** Signer; omitted ⇒ self-signed. */
  issuer?: Issued;
  /** Use an existing key pair for the subject instead of generating one (must match `key`). */
  keyPair?: NodeKeyPair;
}

const OID = {
  cn: '2.5.4.3',
  o: '2.5.4.10',
  c: '2.5.4.6',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  ski: '2.5.29.14',
  aki: '2.5.29.35',
} as const;

const RSA_SIG: Record<HashName, string> = {
  MD5: '1.2.840.113549.1.1.4',
  'SHA-1': '1.2.840.113549.1.1.5',
  'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12',
  'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_SIG: Partial<Record<HashName, string>> = {
  'SHA-1': '1.2.840.10045.4.1',
  'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3',
  'SHA-512': '1.2.840.10045.4.3.4',
};
const NODE_HASH: Record<HashName, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const KEY_USAGE_BIT: Record<KeyUsageName, number> = {
  digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6,
};

function name(subject: CreateCertificateOptions['subject']): Uint8Array {
  const rdn = (type: string, value: Uint8Array) => set(seq(oid(type), value));
  return seq(
    ...(subject.c !== undefined ? [rdn(OID.c, printable(subject.c))] : []),
    ...(subject.o !== undefined ? [rdn(OID.o, utf8(subject.o))] : []),
    ...(subject.cn !== '' ? [rdn(OID.cn, utf8(subject.cn))] : []),
  );
}

/** RFC 5280 §4.2.1.3, DER: trailing zero bits dropped and counted as unused. */
function keyUsageValue(usages: readonly KeyUsageName[]): Uint8Array {
  let bits = 0;
  for (const u of usages) bits |= 0x8000 >> KEY_USAGE_BIT[u];
  if (bits === 0) return bitString(new Uint8Array(0));
  const bytes = bits & 0xff ? Uint8Array.of(bits >> 8, bits & 0xff) : Uint8Array.of(bits >> 8);
  const last = bytes[bytes.length - 1] ?? 0;
  let unused = 0;
  while (unused < 8 && (last & (1 << unused)) === 0) unused++;
  return bitString(bytes, unused);
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octetString(value));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value. */
function keyIdentifier(spki: Uint8Array): Uint8Array {
  const outer = readTlv(spki, 0);
  const bits = outer ? children(spki, outer, 2)[1] : undefined;
  if (!bits) throw new Error('malformed SubjectPublicKeyInfo');
  // Skip the BIT STRING's unused-bits octet.
  return new Uint8Array(createHash('sha1').update(spki.subarray(bits.start + 1, bits.end)).digest());
}

function signatureAlgorithm(signer: KeyInfo, hash: HashName): Uint8Array {
  if (signer.kind === 'RSA') return seq(oid(RSA_SIG[hash]), nullValue());
  if (signer.kind === 'EC') {
    const id = ECDSA_SIG[hash];
    if (!id) throw new RangeError(`ECDSA cannot be combined with ${hash} here`);
    return seq(oid(id));
  }
  if (signer.name === 'Ed25519') return seq(oid('1.3.101.112'));
  throw new RangeError(`cannot sign with a ${signer.name} key`);
}

function randomSerial(): bigint {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01; // positive, never zero, always 16 bytes
  return BigInt(`0x${bytes.toString('hex')}`);
}

interface Signer {
  name: Uint8Array;
  key: KeyInfo;
  privateKey: KeyObject;
  keyId: Uint8Array;
}

function signerOf(issuer: Issued): Signer {
  const parsed: ParsedCertificate | undefined = parseCertificate(issuer.der);
  if (!parsed) throw new Error('issuer certificate cannot be parsed');
  return {
    name: parsed.subject.der,
    key: parsed.key,
    privateKey: createPrivateKey(issuer.privateKeyPem),
    keyId: keyIdentifier(parsed.spki),
  };
}

/** Builds and signs the certificate DER (RFC 5280 v3). */
function assemble(fields: CertificateFields, spki: Uint8Array, signer: Signer): Uint8Array {
  const hash: HashName = fields.hash ?? 'SHA-256';
  const notBefore = fields.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  const years = fields.isCa ? 10 : 1;
  const notAfter = fields.notAfter ?? new Date(notBefore.getTime() + years * 365 * 24 * 3600 * 1000);
  const defaultUsage: KeyUsageName[] = fields.isCa ? ['keyCertSign', 'cRLSign'] : ['digitalSignature'];
  const usages = fields.keyUsage === undefined ? defaultUsage : fields.keyUsage;

  const extensions: Uint8Array[] = [];
  if (fields.isCa) extensions.push(extension(OID.basicConstraints, true, seq(bool(true))));
  if (usages !== null) extensions.push(extension(OID.keyUsage, true, keyUsageValue(usages)));
  extensions.push(extension(OID.ski, false, octetString(keyIdentifier(spki))));
  extensions.push(extension(OID.aki, false, seq(concat(Uint8Array.of(0x80, signer.keyId.length), signer.keyId))));

  const pss = fields.rsaPss === true && signer.key.kind === 'RSA';
  const sigAlg = pss ? pssAlgorithm(hash) : signatureAlgorithm(signer.key, hash);
  const tbs = seq(
    explicit(0, integer(2)), // v3
    integer(fields.serial ?? randomSerial()),
    sigAlg,
    signer.name,
    seq(time(notBefore), time(notAfter)),
    name(fields.subject),
    spki,
    explicit(3, seq(...extensions)),
  );
  const nodeHash = signer.key.kind === 'other' ? null : NODE_HASH[hash];
  const key = pss
    ? { key: signer.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_BYTES[hash] }
    : signer.privateKey;
  const signature = new Uint8Array(sign(nodeHash, tbs, key));
  return seq(tbs, sigAlg, bitString(signature));
}

export async function createCertificate(opts: CreateCertificateOptions): Promise<Issued> {
  const spec: KeySpec = opts.key ?? { kind: 'RSA', bits: 2048 };
  const pair = opts.keyPair ?? (await generateNodeKeyPair(spec));
  const spki = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
  const ownKey = spkiKeyInfo(spki);
  if (!ownKey) throw new Error('unsupported subject key');
  const signer: Signer = opts.issuer
    ? signerOf(opts.issuer)
    : { name: name(opts.subject), key: ownKey, privateKey: pair.privateKey, keyId: keyIdentifier(spki) };
  const der = assemble(opts, spki, signer);
  return {
    der,
    pem: toPem('CERTIFICATE', der),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keys: await toCryptoKeyPair(pair, spec),
    cert: new X509Certificate(der.slice()),
  };
}

/**
 * Issues a certificate for any public key node:crypto can export — DSA, secp256k1, X25519,
 * RSA-PSS keys… — to show `cert.key-type` / `cert.curve` refusals. No private key is returned.
 */
export function issueForPublicKey(opts: CertificateFields & { publicKey: KeyObject; issuer: Issued }): { der: Uint8Array; pem: string } {
  const spki = new Uint8Array(opts.publicKey.export({ type: 'spki', format: 'der' }));
  const der = assemble(opts, spki, signerOf(opts.issuer));
  return { der, pem: toPem('CERTIFICATE', der) };
}

const HASH_OID: Record<HashName, string> = {
  MD5: '1.2.840.113549.2.5',
  'SHA-1': '1.3.14.3.2.26',
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};
const HASH_BYTES: Record<HashName, number> = { MD5: 16, 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** RFC 4055 RSASSA-PSS AlgorithmIdentifier, MGF1 with the same hash, salt = hash length. */
function pssAlgorithm(hash: HashName): Uint8Array {
  if (hash === 'SHA-1') return seq(oid('1.2.840.113549.1.1.10'), seq()); // all defaults
  const hashAlg = seq(oid(HASH_OID[hash]), nullValue());
  return seq(
    oid('1.2.840.113549.1.1.10'),
    seq(explicit(0, hashAlg), explicit(1, seq(oid('1.2.840.113549.1.1.8'), hashAlg)), explicit(2, integer(HASH_BYTES[hash]))),
  );
}
