/** SPEC §4.4 steps 0–2: size, file name / PKCS#12, one readable X.509 certificate. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { concat } from '../pki/der-encode';
import { makePkcs12Like } from '../pki/pkcs12';
import { NOW, leaf, pki, setUpSampleLeaf } from './certificate-test-support';
import { CERT_MAX_BYTES, checkCertificate, readCertificateDetails, type Channel } from './certificate';
import type { RuleParams } from './result';

setUpSampleLeaf();

async function check(bytes: Uint8Array | string, fileName = 'certificate.cer', channel: Channel = 'FTP') {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return checkCertificate({ fileName, bytes: data, channel, trustStore: pki.trustStore, now: NOW });
}
async function code(bytes: Uint8Array | string, fileName?: string): Promise<string> {
  const r = await check(bytes, fileName);
  return r.ok ? 'ok' : r.code;
}
async function failure(bytes: Uint8Array | string, fileName?: string): Promise<{ code: string; params: RuleParams }> {
  const r = await check(bytes, fileName);
  assert.ok(!r.ok, 'expected a failure');
  return { code: r.code, params: r.params };
}

describe('SPEC §4.4 step 0: size limit, before any parsing', () => {
  it('cert.too-large above 64 KiB, whatever the name or content', async () => {
    const big = new Uint8Array(CERT_MAX_BYTES + 1);
    assert.deepEqual(await failure(big), { code: 'cert.too-large', params: { found: 65537, max: 65536 } });
    assert.equal(await code(big, 'x.pfx'), 'cert.too-large');
    assert.equal(await code(concat(leaf.der, new Uint8Array(CERT_MAX_BYTES))), 'cert.too-large');
  });
  it('exactly 64 KiB is read (and here found unreadable)', async () => {
    assert.equal(await code(new Uint8Array(CERT_MAX_BYTES).fill(0x41)), 'cert.unreadable');
  });
});

describe('SPEC §4.4 step 1: .cer extension; PKCS#12 gets its own code', () => {
  it('accepts .cer in any case, and browser fake paths', async () => {
    for (const name of ['a.cer', 'A.CER', 'my.cert.Cer', 'C:\\fakepath\\jean.cer', '/home/jean/jean.cer']) {
      assert.equal(await code(leaf.der, name), 'ok', name);
    }
  });
  it('cert.extension for other names, naming the extension found', async () => {
    assert.deepEqual(await failure(leaf.der, 'jean.crt'), { code: 'cert.extension', params: { fileName: 'jean.crt', found: '.crt', expected: '.cer' } });
    for (const name of ['jean.pem', 'jean.der', 'jean.cer.txt', 'jean', 'cer', '.cer']) {
      assert.equal(await code(leaf.der, name), 'cert.extension', name);
    }
    assert.equal((await failure(leaf.der, 'jean')).params.found, '—');
  });
  it('cert.pkcs12 for a .pfx / .p12 name, whatever the content', async () => {
    assert.deepEqual(await failure(leaf.der, 'jean.pfx'), { code: 'cert.pkcs12', params: { fileName: 'jean.pfx', reason: 'name' } });
    assert.equal(await code(new Uint8Array([1, 2, 3]), 'JEAN.P12'), 'cert.pkcs12');
  });
  it('cert.pkcs12 for PKCS#12 content under .cer (or any other name)', async () => {
    const pfx = makePkcs12Like(leaf.der, { privateKeyPem: leaf.privateKeyPem });
    assert.deepEqual(await failure(pfx, 'jean.cer'), { code: 'cert.pkcs12', params: { fileName: 'jean.cer', reason: 'content' } });
    assert.equal(await code(makePkcs12Like(leaf.der), 'jean.crt'), 'cert.pkcs12');
  });
  it('recognises BER indefinite-length PFX (Windows/Java exports)', async () => {
    // SEQUENCE(indef) { INTEGER 3, SEQUENCE(indef) { OID data, … } }
    const ber = Uint8Array.from([0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x80, 0, 0, 0, 0, 0, 0]);
    assert.equal(await code(ber), 'cert.pkcs12');
  });
});

describe('SPEC §4.4 step 2: exactly one X.509 certificate, DER or PEM', () => {
  it('accepts DER and PEM (LF, CRLF, surrounding text such as openssl "Bag Attributes")', async () => {
    assert.equal(await code(leaf.der), 'ok');
    assert.equal(await code(leaf.pem), 'ok');
    assert.equal(await code(leaf.pem.replace(/\n/g, '\r\n')), 'ok');
    assert.equal(await code(`Bag Attributes\n    localKeyID: 01\nsubject=CN = Jean\n${leaf.pem}\n`), 'ok');
    assert.equal(await code(`\ufeff${leaf.pem}`), 'ok');
    assert.equal(await code(`0 = text that starts with the byte 0x30\n${leaf.pem}`), 'ok');
  });
  it('empty file', async () => {
    assert.deepEqual(await failure(new Uint8Array(0)), { code: 'cert.unreadable', params: { reason: 'empty' } });
  });
  it('random bytes and text', async () => {
    assert.deepEqual(await failure('hello, this is not a certificate'), { code: 'cert.unreadable', params: { reason: 'text', encoding: 'UTF-8' } });
    assert.deepEqual(await failure(Uint8Array.from([0x30, 0x82, 0x00, 0x03, 0x02, 0x01, 0x05])), { code: 'cert.unreadable', params: { reason: 'invalid' } });
    assert.deepEqual(await failure(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x05])), { code: 'cert.unreadable', params: { reason: 'format' } });
  });
  it('truncated and padded DER', async () => {
    for (const len of [1, 2, 10, 100, leaf.der.length - 1]) {
      assert.equal(await code(leaf.der.subarray(0, len)), 'cert.unreadable', String(len));
    }
    // Issue 12: NUL padding after a complete certificate is accepted; other bytes are counted.
    assert.equal(await code(concat(leaf.der, Uint8Array.of(0))), 'ok');
    assert.deepEqual(await failure(concat(leaf.der, Uint8Array.of(1, 2, 3))), { code: 'cert.unreadable', params: { reason: 'trailing', found: 3 } });
  });
  it('several certificates (a chain) are refused', async () => {
    assert.deepEqual(await failure(leaf.pem + pki.eid.pem), { code: 'cert.unreadable', params: { reason: 'multiple', found: 2 } });
    assert.deepEqual(await failure(concat(leaf.der, pki.eid.der)), { code: 'cert.unreadable', params: { reason: 'multiple', found: 2 } });
  });
  it('damaged base64 in PEM', async () => {
    assert.deepEqual(await failure(leaf.pem.replace(/[A-Za-z]{8}\n/, '!!!!!!!!\n')), { code: 'cert.unreadable', params: { reason: 'invalid' } });
  });
  it('other PEM objects say what they are', async () => {
    const spki = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.deepEqual(await failure(spki), { code: 'cert.unreadable', params: { reason: 'publicKey', found: 'PUBLIC KEY' } });
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';
    assert.equal((await failure(csr)).params.reason, 'csr');
    assert.equal((await failure('-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n')).params.reason, 'pkcs7');
    assert.deepEqual(await failure('-----BEGIN X509 CRL-----\nMIIB\n-----END X509 CRL-----\n'), { code: 'cert.unreadable', params: { reason: 'pemType', found: 'X509 CRL' } });
  });
  it('a DER PKCS#7 bundle (.p7b) is recognised', async () => {
    // ContentInfo { OID signedData, [0] … }
    const p7 = Uint8Array.from([0x30, 0x0f, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x02, 0x30, 0x00]);
    assert.deepEqual(await failure(p7), { code: 'cert.unreadable', params: { reason: 'pkcs7' } });
  });
  it('cert.private-key: a private key in any common format, alone or with the certificate', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    const pemKeys = [
      leaf.privateKeyPem,
      rsa.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ec.export({ type: 'sec1', format: 'pem' }).toString(),
      rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }).toString(),
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
      'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\n',
      leaf.privateKeyPem.slice(0, 200), // truncated: no END line, still a private key
      leaf.pem + leaf.privateKeyPem,
    ];
    for (const pem of pemKeys) assert.deepEqual(await failure(pem), { code: 'cert.private-key', params: { format: 'PEM' } }, pem.slice(0, 40));
    const derKeys = [
      rsa.export({ type: 'pkcs8', format: 'der' }),
      rsa.export({ type: 'pkcs1', format: 'der' }),
      ec.export({ type: 'sec1', format: 'der' }),
      ec.export({ type: 'pkcs8', format: 'der' }),
      rsa.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: 'pw' }),
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }),
    ];
    for (const der of derKeys) assert.deepEqual(await failure(new Uint8Array(der)), { code: 'cert.private-key', params: { format: 'DER' } });
  });
});

describe('SPEC §4.4 robustness: never throws, whatever the bytes', () => {
  it('random buffers of many sizes', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rnd() ** 3 * 5000);
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
      if (i % 3 === 0 && len > 0) bytes[0] = 0x30; // look like DER
      const r = await check(bytes);
      assert.ok(!r.ok && r.code.startsWith('cert.'));
    }
  });
  it('bit flips in a valid certificate', async () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 300; i++) {
      const bytes = leaf.der.slice();
      for (let j = 0; j < 1 + Math.floor(rnd() * 3); j++) {
        const at = Math.floor(rnd() * bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(rnd() * 8));
      }
      const r = await check(bytes, 'x.cer', i % 2 ? 'FTP' : 'REST');
      assert.ok(r.ok || r.code.startsWith('cert.'));
    }
  });
  it('every truncation of a valid certificate', async () => {
    for (let len = 0; len < leaf.der.length; len += 7) {
      const r = await check(leaf.der.subarray(0, len));
      assert.ok(!r.ok && r.code === 'cert.unreadable', String(len));
    }
  });
  it('thousands of PEM markers are scanned in linear time', async () => {
    for (const text of ['-----BEGIN A-----'.repeat(3800), Array.from({ length: 3000 }, (_, i) => `-----BEGIN A${i}-----`).join('')]) {
      const start = performance.now();
      assert.equal(await code(text.slice(0, CERT_MAX_BYTES)), 'cert.unreadable');
      assert.ok(performance.now() - start < 250, 'took too long');
    }
  });
  it('deeply nested ASN.1 and huge declared lengths', async () => {
    const nested = new Uint8Array(CERT_MAX_BYTES);
    for (let i = 0; i < nested.length; i += 2) nested.set([0x30, 0x80], i);
    assert.equal(await code(nested), 'cert.unreadable');
    assert.equal(await code(Uint8Array.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30])), 'cert.unreadable');
  });
});

describe('readCertificateDetails (no channel rules)', () => {
  it('reads PEM and DER, with the issuer family when a trust store is given', async () => {
    const r = await readCertificateDetails(new TextEncoder().encode(leaf.pem), { trustStore: pki.trustStore });
    assert.ok(r.ok);
    assert.equal(r.format, 'PEM');
    assert.deepEqual(r.der, leaf.der);
    assert.equal(r.details.issuerFamily, 'eid');
    const self = await readCertificateDetails(pki.eid.der);
    assert.ok(self.ok && self.details.selfSigned && self.details.issuerFamily === undefined);
    assert.equal((await readCertificateDetails(new Uint8Array(5))).ok, false);
    const pfx = await readCertificateDetails(makePkcs12Like(leaf.der), { fileName: 'C:\\fakepath\\ca.pfx' });
    assert.deepEqual(pfx, { ok: false, code: 'cert.pkcs12', params: { fileName: 'ca.pfx', reason: 'content' } });
  });
});
