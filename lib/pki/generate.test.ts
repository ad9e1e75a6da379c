/** The certificate/key factory used by the SPEC §4.3/§4.4 tests, the seed and the trainer kit. */
import assert from 'node:assert/strict';
import { X509Certificate as NodeX509, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import sshpk from 'sshpk';
import { looksLikePkcs12 } from '../rules/der';
import { parseCertificate } from '../rules/certificate-parse';
import { createCertificate, generateSshKeyPair, issueForPublicKey, makePkcs12Like } from './generate';
import { generateNodeKeyPair, generateNodeKeyPairSync } from './keys';
import { createSamplePki, SAMPLE_CA_NAMES } from './sample';

describe('createCertificate', () => {
  it('self-signed RSA 2048 / SHA-256 by default, readable by OpenSSL (node:crypto) and @peculiar/x509', async () => {
    const c = await createCertificate({ subject: { cn: 'Jean Dupont', o: 'Acme, Inc.', c: 'BE' } });
    const node = new NodeX509(c.der);
    assert.equal(node.subject, 'C=BE\nO=Acme\\, Inc.\nCN=Jean Dupont');
    assert.equal(node.issuer, node.subject);
    assert.ok(node.verify(node.publicKey));
    assert.equal(node.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(c.cert.subject, 'C=BE, O=Acme\\, Inc., CN=Jean Dupont');
    assert.equal(c.cert.signatureAlgorithm.hash.name, 'SHA-256');
    assert.ok(await c.cert.verify({ signatureOnly: true }));
    assert.match(c.pem, /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/);
    assert.match(c.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
    // Default validity: from yesterday, one year.
    const now = Date.now();
    assert.ok(Date.parse(node.validFrom) < now && Date.parse(node.validTo) > now + 360 * 86400e3);
  });

  it('issues under a CA: chain verifies, SKI/AKI link, key usage as requested', async () => {
    const ca = await createCertificate({ subject: { cn: 'CA' }, isCa: true, key: { kind: 'EC', curve: 'P-384' }, hash: 'SHA-384' });
    const leaf = await createCertificate({ subject: { cn: 'Leaf' }, issuer: ca, keyUsage: ['digitalSignature', 'nonRepudiation'], hash: 'SHA-512' });
    const nodeCa = new NodeX509(ca.der);
    const nodeLeaf = new NodeX509(leaf.der);
    assert.ok(nodeCa.ca);
    assert.ok(!nodeLeaf.ca);
    assert.ok(nodeLeaf.checkIssued(nodeCa));
    assert.ok(nodeLeaf.verify(nodeCa.publicKey));
    const parsed = parseCertificate(leaf.der);
    assert.deepEqual(parsed?.keyUsage, ['digitalSignature', 'nonRepudiation']);
    assert.deepEqual(parseCertificate(ca.der)?.keyUsage, ['keyCertSign', 'cRLSign']);
    const ski = ca.cert.getExtension('2.5.29.14');
    const aki = leaf.cert.getExtension('2.5.29.35');
    assert.ok(ski && aki);
    assert.ok(Buffer.from(aki.value).toString('hex').endsWith(Buffer.from(ski.value).toString('hex').slice(4)));
  });

  it('any hash, including SHA-1 and MD5, with real signatures', async () => {
    const ca = await createCertificate({ subject: { cn: 'CA' }, isCa: true });
    const keyPair = await generateNodeKeyPair({ kind: 'RSA', bits: 2048 });
    for (const hash of ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const) {
      const leaf = await createCertificate({ subject: { cn: hash }, issuer: ca, hash, keyPair });
      assert.ok(new NodeX509(leaf.der).verify(new NodeX509(ca.der).publicKey), hash);
    }
  });

  it('RSASSA-PSS signatures verify with OpenSSL', async () => {
    const ca = await createCertificate({ subject: { cn: 'CA' }, isCa: true });
    const leaf = await createCertificate({ subject: { cn: 'PSS' }, issuer: ca, rsaPss: true, hash: 'SHA-384' });
    assert.ok(new NodeX509(leaf.der).verify(new NodeX509(ca.der).publicKey));
  });

  it('explicit serial, dates (UTCTime and GeneralizedTime), no key usage', async () => {
    const c = await createCertificate({
      subject: { cn: 'Dates' },
      serial: 0x00ff01n,
      notBefore: new Date('2049-12-31T23:59:59Z'),
      notAfter: new Date('2051-06-01T00:00:00Z'),
      keyUsage: null,
    });
    const node = new NodeX509(c.der);
    assert.equal(node.serialNumber.replace(/^0+/, ''), 'FF01');
    assert.equal(new Date(node.validFrom).toISOString(), '2049-12-31T23:59:59.000Z');
    assert.equal(new Date(node.validTo).toISOString(), '2051-06-01T00:00:00.000Z');
    assert.equal(parseCertificate(c.der)?.keyUsage, null);
  });

  it('Ed25519 keys and signatures; EC keys', async () => {
    const ed = await createCertificate({ subject: { cn: 'ed' }, key: { kind: 'Ed25519' } });
    assert.ok(new NodeX509(ed.der).verify(new NodeX509(ed.der).publicKey));
    assert.equal(ed.keys.privateKey.algorithm.name, 'Ed25519');
    const ec = await createCertificate({ subject: { cn: 'ec' }, key: { kind: 'EC', curve: 'P-521' } });
    assert.equal(new NodeX509(ec.der).publicKey.asymmetricKeyDetails?.namedCurve, 'secp521r1');
  });

  it('keys is a usable WebCrypto pair (RS256, as for the OAuth client assertion of SPEC §7)', async () => {
    const c = await createCertificate({ subject: { cn: 'client' } });
    const data = new TextEncoder().encode('header.payload');
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', c.keys.privateKey, data);
    assert.ok(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', c.keys.publicKey, sig, data));
  });

  it('issueForPublicKey certifies foreign keys', async () => {
    const ca = await createCertificate({ subject: { cn: 'CA' }, isCa: true });
    const { publicKey } = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
    const cert = issueForPublicKey({ subject: { cn: 'dsa' }, publicKey, issuer: ca });
    const node = new NodeX509(cert.der);
    assert.equal(node.publicKey.asymmetricKeyType, 'dsa');
    assert.ok(node.verify(new NodeX509(ca.der).publicKey));
  });
});

describe('exact RSA sizes (OpenSSL alone rounds some odd sizes)', () => {
  it('2049 bits (OpenSSL alone gives 2048) is exactly 2049 bits, and a valid key', async () => {
    const pair = await generateNodeKeyPair({ kind: 'RSA', bits: 2049 });
    assert.equal(pair.publicKey.asymmetricKeyDetails?.modulusLength, 2049);
    const sync = generateNodeKeyPairSync({ kind: 'RSA', bits: 2049 });
    assert.equal(sync.publicKey.asymmetricKeyDetails?.modulusLength, 2049);
    const c = await createCertificate({ subject: { cn: 'odd' }, keyPair: pair, key: { kind: 'RSA', bits: 2049 } });
    assert.ok(new NodeX509(c.der).verify(createPublicKey(c.privateKeyPem)));
  });
  it('refuses absurd sizes', async () => {
    await assert.rejects(generateNodeKeyPair({ kind: 'RSA', bits: 100 }), RangeError);
  });
});

describe('createSamplePki', () => {
  it('has the three trust-store families and an impostor with the eID CA name', async () => {
    const pki = await createSamplePki();
    assert.deepEqual(pki.trustStore.map((t) => t.family), ['eid', 'globalsign-personalsign3pro', 'other']);
    assert.equal(pki.impostorEid.cert.subject, pki.eid.cert.subject);
    assert.notDeepEqual(new Uint8Array(pki.impostorEid.cert.publicKey.rawData), new Uint8Array(pki.eid.cert.publicKey.rawData));
    assert.ok(pki.eid.cert.subject.includes(SAMPLE_CA_NAMES.eid.cn));
    assert.ok(new NodeX509(pki.eid.der).ca);
  });
});

describe('makePkcs12Like', () => {
  it('is a PFX (version 3, data) holding the certificate and optionally the key', async () => {
    const c = await createCertificate({ subject: { cn: 'pfx' } });
    const pfx = makePkcs12Like(c.der, { privateKeyPem: c.privateKeyPem });
    assert.ok(looksLikePkcs12(pfx));
    assert.deepEqual([...pfx.subarray(0, 1)], [0x30]);
    assert.ok(Buffer.from(pfx).includes(Buffer.from(c.der)));
    assert.ok(!looksLikePkcs12(c.der));
  });
});

describe('generateSshKeyPair', () => {
  it('RSA with OpenSSH and RFC 4716 public keys, PKCS#8 and OpenSSH private keys', () => {
    const k = generateSshKeyPair({ bits: 2048, comment: 'jean@acme' });
    assert.match(k.openssh, /^ssh-rsa AAAA[A-Za-z0-9+/=]+ jean@acme$/);
    assert.match(k.rfc4716, /^---- BEGIN SSH2 PUBLIC KEY ----\nComment: "jean@acme"\n/);
    assert.ok(k.rfc4716.split('\n').every((line) => line.length <= 72));
    assert.equal(k.bits, 2048);
    const pub = sshpk.parseKey(k.openssh, 'ssh');
    assert.equal(pub.fingerprint('sha256').toString(), k.fingerprint);
    const priv = sshpk.parsePrivateKey(k.privateKeyOpenssh, 'openssh');
    assert.equal(priv.toPublic().fingerprint('sha256').toString(), k.fingerprint);
    assert.match(k.privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  });
  it('Ed25519 and ECDSA', () => {
    assert.match(generateSshKeyPair({ kind: 'ed25519' }).openssh, /^ssh-ed25519 /);
    assert.match(generateSshKeyPair({ kind: 'ecdsa', bits: 521 }).openssh, /^ecdsa-sha2-nistp521 /);
    assert.throws(() => generateSshKeyPair({ kind: 'ecdsa', bits: 300 }), RangeError);
  });
});
