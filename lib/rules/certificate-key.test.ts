/** SPEC §4.4 steps 3–4: key type/size/curve, signature hash. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { createCertificate, issueForPublicKey, type HashName, type Issued, type KeySpec } from '../pki/generate';
import { generateNodeKeyPair, type NodeKeyPair } from '../pki/keys';
import { createSamplePki, type SamplePki } from '../pki/sample';
import { checkCertificate, type Channel } from './certificate';
import { describeSignature } from './certificate-key';
import type { TrustedCa } from './certificate-issuer';

const NOW = new Date('2026-06-15T12:00:00Z');
const VALIDITY = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };
const ALLOWED = 'RSA 2048, RSA 3072, RSA 4096, EC P-384, EC P-521';

let pki: SamplePki;
let ecCa384: Issued; // an EC CA, to exercise ECDSA signatures
let ecCa521: Issued;
let edCa: Issued;
let trustStore: TrustedCa[];

before(async () => {
  pki = await createSamplePki();
  [ecCa384, ecCa521, edCa] = await Promise.all([
    createCertificate({ subject: { cn: 'EC 384 CA' }, key: { kind: 'EC', curve: 'P-384' }, hash: 'SHA-384', isCa: true, ...VALIDITY }),
    createCertificate({ subject: { cn: 'EC 521 CA' }, key: { kind: 'EC', curve: 'P-521' }, hash: 'SHA-512', isCa: true, ...VALIDITY }),
    createCertificate({ subject: { cn: 'Ed25519 CA' }, key: { kind: 'Ed25519' }, isCa: true, ...VALIDITY }),
  ]);
  trustStore = [
    ...pki.trustStore,
    { family: 'globalsign-personalsign3pro', der: ecCa384.der },
    { family: 'globalsign-personalsign3pro', der: ecCa521.der },
    { family: 'eid', der: edCa.der },
  ];
});

// Key generation dominates the run time: one key pair per spec for the whole file.
const pairs = new Map<string, Promise<NodeKeyPair>>();
function pairFor(spec: KeySpec): Promise<NodeKeyPair> {
  const id = JSON.stringify(spec);
  let pair = pairs.get(id);
  if (!pair) pairs.set(id, (pair = generateNodeKeyPair(spec)));
  return pair;
}

async function leafResult(key: KeySpec, opts: { hash?: HashName; issuer?: Issued; rsaPss?: boolean; channel?: Channel } = {}) {
  const leaf = await createCertificate({
    subject: { cn: 'Jean Dupont', o: 'Acme' },
    key,
    keyPair: await pairFor(key),
    issuer: opts.issuer ?? pki.eid,
    ...(opts.hash ? { hash: opts.hash } : {}),
    ...(opts.rsaPss ? { rsaPss: true } : {}),
    ...VALIDITY,
  });
  return checkCertificate({ fileName: 'jean.cer', bytes: leaf.der, channel: opts.channel ?? 'FTP', trustStore, now: NOW });
}

function summary(r: Awaited<ReturnType<typeof checkCertificate>>): string {
  return r.ok ? `ok ${r.details.keyDescription} / ${r.details.signatureAlgorithm}` : `${r.code} ${JSON.stringify(r.params)}`;
}

describe('SPEC §4.4 step 3: key type, RSA size, EC curve', () => {
  it('RSA: exactly 2048, 3072 and 4096 bits are accepted; 1024, 2047, 4097 refused', async () => {
    const sizes = [1024, 2047, 2048, 3072, 4096, 4097];
    const results = await Promise.all(sizes.map((bits) => leafResult({ kind: 'RSA', bits })));
    const byBits = new Map(sizes.map((bits, i) => [bits, results[i]]));
    for (const bits of [2048, 3072, 4096]) {
      const r = byBits.get(bits);
      assert.ok(r?.ok, `${bits}: ${r ? summary(r) : ''}`);
      assert.equal(r.details.keyDescription, `RSA ${bits}`);
    }
    for (const bits of [1024, 2047, 4097]) {
      assert.deepEqual(byBits.get(bits), { ok: false, code: 'cert.key-size', params: { found: `RSA ${bits}`, bits, allowed: ALLOWED } });
    }
  });

  it('EC: P-384 and P-521 accepted, P-256 refused with cert.curve', async () => {
    const [p256, p384, p521] = await Promise.all(
      (['P-256', 'P-384', 'P-521'] as const).map((curve) => leafResult({ kind: 'EC', curve })),
    );
    assert.deepEqual(p256, { ok: false, code: 'cert.curve', params: { found: 'EC P-256', curve: 'P-256', allowed: 'P-384, P-521' } });
    assert.ok(p384?.ok && p384.details.keyDescription === 'EC P-384', p384 && summary(p384));
    assert.ok(p521?.ok && p521.details.keyDescription === 'EC P-521', p521 && summary(p521));
  });

  it('other curves are named (secp256k1)', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const cert = issueForPublicKey({ subject: { cn: 'k1' }, publicKey, issuer: pki.eid, ...VALIDITY });
    const r = await checkCertificate({ fileName: 'k1.cer', bytes: cert.der, channel: 'FTP', trustStore, now: NOW });
    assert.deepEqual(r, { ok: false, code: 'cert.curve', params: { found: 'EC secp256k1', curve: 'secp256k1', allowed: 'P-384, P-521' } });
  });

  it('Ed25519, DSA and X25519 keys: cert.key-type', async () => {
    assert.deepEqual(await leafResult({ kind: 'Ed25519' }), { ok: false, code: 'cert.key-type', params: { found: 'Ed25519', allowed: ALLOWED } });
    const others: Array<[string, ReturnType<typeof generateKeyPairSync>['publicKey']]> = [
      ['DSA', generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).publicKey],
      ['X25519', generateKeyPairSync('x25519').publicKey],
      ['RSA-PSS', generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey],
    ];
    for (const [found, publicKey] of others) {
      const cert = issueForPublicKey({ subject: { cn: found }, publicKey, issuer: pki.eid, ...VALIDITY });
      const r = await checkCertificate({ fileName: 'x.cer', bytes: cert.der, channel: 'REST', trustStore, now: NOW });
      assert.deepEqual(r, { ok: false, code: 'cert.key-type', params: { found, allowed: ALLOWED } });
    }
  });
});

describe('SPEC §4.4 step 4: signature hash SHA-256, SHA-384 or SHA-512', () => {
  it('RSA signatures: SHA-256/384/512 accepted; SHA-1 and MD5 refused', async () => {
    const rsa2048 = { kind: 'RSA', bits: 2048 } as const;
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      const r = await leafResult(rsa2048, { hash });
      assert.ok(r.ok && r.details.signatureAlgorithm === `${hash} with RSA`, summary(r));
    }
    assert.deepEqual(await leafResult(rsa2048, { hash: 'SHA-1' }), {
      ok: false,
      code: 'cert.signature-hash',
      params: { found: 'SHA-1', algorithm: 'SHA-1 with RSA', allowed: 'SHA-256, SHA-384, SHA-512' },
    });
    assert.deepEqual(await leafResult(rsa2048, { hash: 'MD5' }), {
      ok: false,
      code: 'cert.signature-hash',
      params: { found: 'MD5', algorithm: 'MD5 with RSA', allowed: 'SHA-256, SHA-384, SHA-512' },
    });
  });

  it('ECDSA signatures from a trusted EC CA (SOAP): SHA-384/512 accepted, SHA-1 refused', async () => {
    const key = { kind: 'RSA', bits: 2048 } as const;
    const r384 = await leafResult(key, { issuer: ecCa384, hash: 'SHA-384', channel: 'SOAP' });
    assert.ok(r384.ok && r384.details.signatureAlgorithm === 'SHA-384 with ECDSA' && r384.details.issuerFamily === 'globalsign-personalsign3pro', summary(r384));
    const r521 = await leafResult(key, { issuer: ecCa521, hash: 'SHA-512', channel: 'SOAP' });
    assert.ok(r521.ok && r521.details.signatureAlgorithm === 'SHA-512 with ECDSA', summary(r521));
    const r256 = await leafResult(key, { issuer: ecCa521, hash: 'SHA-256', channel: 'SOAP' });
    assert.ok(r256.ok, summary(r256));
    const sha1 = await leafResult(key, { issuer: ecCa384, hash: 'SHA-1' });
    assert.ok(!sha1.ok && sha1.code === 'cert.signature-hash' && sha1.params.algorithm === 'SHA-1 with ECDSA');
  });

  it('RSASSA-PSS signatures: hash read from the parameters, verified against the CA', async () => {
    const key = { kind: 'RSA', bits: 2048 } as const;
    const pss = await leafResult(key, { rsaPss: true, hash: 'SHA-256' });
    assert.ok(pss.ok && pss.details.signatureAlgorithm === 'SHA-256 with RSA-PSS' && pss.details.issuerFamily === 'eid', summary(pss));
    const pss512 = await leafResult(key, { rsaPss: true, hash: 'SHA-512' });
    assert.ok(pss512.ok, summary(pss512));
    const pssSha1 = await leafResult(key, { rsaPss: true, hash: 'SHA-1' });
    assert.ok(!pssSha1.ok && pssSha1.code === 'cert.signature-hash' && pssSha1.params.found === 'SHA-1');
  });

  it('Ed25519 signatures have no selectable hash and are refused', async () => {
    const r = await leafResult({ kind: 'RSA', bits: 2048 }, { issuer: edCa });
    assert.deepEqual(r, { ok: false, code: 'cert.signature-hash', params: { found: 'Ed25519', algorithm: 'Ed25519', allowed: 'SHA-256, SHA-384, SHA-512' } });
  });

  it('describeSignature knows the usual algorithms', () => {
    assert.deepEqual(describeSignature('1.2.840.113549.1.1.11'), { scheme: 'RSA', hash: 'SHA-256', label: 'SHA-256 with RSA' });
    assert.equal(describeSignature('1.2.840.10045.4.3.3').label, 'SHA-384 with ECDSA');
    assert.equal(describeSignature('1.2.840.10040.4.3').hash, 'SHA-1');
    assert.equal(describeSignature('2.16.840.1.101.3.4.3.14').hash, 'SHA3-256');
    assert.deepEqual(describeSignature('1.2.840.113549.1.1.10'), { scheme: 'RSA-PSS', hash: 'SHA-1', label: 'SHA-1 with RSA-PSS', saltLength: 20 });
    assert.equal(describeSignature('1.2.3.4').label, '1.2.3.4');
  });
});

describe('SPEC §4.4 check order, steps 3 → 4 → 5', () => {
  it('key before hash, hash before validity', async () => {
    const r1 = await leafResult({ kind: 'RSA', bits: 1024 }, { hash: 'SHA-1' });
    assert.ok(!r1.ok && r1.code === 'cert.key-size');
    const r2 = await leafResult({ kind: 'EC', curve: 'P-256' }, { hash: 'MD5' });
    assert.ok(!r2.ok && r2.code === 'cert.curve');
    const old = await createCertificate({ subject: { cn: 'old' }, issuer: pki.eid, hash: 'SHA-1', notBefore: new Date('2010-01-01Z'), notAfter: new Date('2012-01-01Z') });
    const r3 = await checkCertificate({ fileName: 'old.cer', bytes: old.der, channel: 'FTP', trustStore, now: NOW });
    assert.ok(!r3.ok && r3.code === 'cert.signature-hash');
  });
});
