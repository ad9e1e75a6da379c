/**
 * Issue 12, certificate kinds 1–3 and 5, generated: every text encoding × every armour × every
 * trailing pattern of a real certificate, and the detectors behind any armour.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { concat } from '../pki/der-encode';
import { makePkcs12Like } from '../pki/pkcs12';
import { createLeaf } from '../pki/sample';
import { NOW, leaf, pki, setUpSampleLeaf } from './certificate-test-support';
import { checkCertificate, type Channel } from './certificate';
import { encodeBase64 } from './der';
import type { RuleParams } from './result';

setUpSampleLeaf();

async function check(bytes: Uint8Array | string, channel: Channel = 'FTP') {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return checkCertificate({ fileName: 'mine.cer', bytes: data, channel, trustStore: pki.trustStore, now: NOW });
}
async function failure(bytes: Uint8Array | string): Promise<{ code: string; params: RuleParams }> {
  const r = await check(bytes);
  assert.ok(!r.ok, 'expected a failure');
  return { code: r.code, params: r.params };
}

/** Text → bytes in each encoding people's tools write. */
const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'UTF-8': (t) => new TextEncoder().encode(t),
  'UTF-8 BOM': (t) => concat(Uint8Array.of(0xef, 0xbb, 0xbf), new TextEncoder().encode(t)),
  'UTF-16LE': (t) => concat(Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(t, 'utf16le'))),
  'UTF-16BE': (t) => concat(Uint8Array.of(0xfe, 0xff), new Uint8Array(Buffer.from(t, 'utf16le').swap16())),
  'UTF-16LE without BOM': (t) => new Uint8Array(Buffer.from(t, 'utf16le')),
  'UTF-32LE': (t) => utf32(t, true),
  'UTF-32BE': (t) => utf32(t, false),
};
function utf32(text: string, le: boolean): Uint8Array {
  const cps = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0) ?? 0)];
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, le));
  return out;
}

const pemOf = (der: Uint8Array, label: string, eol = '\n') =>
  `-----BEGIN ${label}-----${eol}${(encodeBase64(der).match(/.{1,64}/g) ?? []).join(eol)}${eol}-----END ${label}-----${eol}`;

/** OpenSSL's X509_CERT_AUX: trust clientAuth (as `openssl x509 -addtrust clientAuth -trustout`), alias, keyid. */
const AUX_TRUST = Uint8Array.of(0x30, 0x0c, 0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02);
const AUX_ALIAS = Uint8Array.of(0x30, 0x07, 0x0c, 0x05, 0x6d, 0x69, 0x6e, 0x65, 0x21);
const AUX_FULL = concat(Uint8Array.of(0x30, 0x16), AUX_TRUST.subarray(2), Uint8Array.of(0x0c, 0x02, 0x6a, 0x64, 0x04, 0x04, 1, 2, 3, 4));

describe('issue 12 kind 1: text encodings × armours are read after decoding', () => {
  it('every encoding of PEM (several labels, LF and CRLF) and of bare Base64', async () => {
    const armours: Record<string, string> = {
      'PEM CERTIFICATE': pemOf(leaf.der, 'CERTIFICATE'),
      'PEM CRLF': pemOf(leaf.der, 'CERTIFICATE', '\r\n'),
      'X509 CERTIFICATE': pemOf(leaf.der, 'X509 CERTIFICATE'),
      'TRUSTED CERTIFICATE': pemOf(concat(leaf.der, AUX_TRUST), 'TRUSTED CERTIFICATE'),
      'bare Base64, one line': encodeBase64(leaf.der),
      'bare Base64, 64 columns': `${(encodeBase64(leaf.der).match(/.{1,64}/g) ?? []).join('\r\n')}\r\n`,
      'bare base64url (JOSE)': encodeBase64(leaf.der).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    };
    for (const [armour, text] of Object.entries(armours)) {
      for (const [encoding, encode] of Object.entries(ENCODINGS)) {
        const r = await check(encode(text));
        assert.ok(r.ok, `${armour} in ${encoding}: ${JSON.stringify(r)}`);
        assert.equal(r.details.subjectCn, 'Jean Dupont');
        assert.equal(r.reading.notes.includes('textEncoding'), !encoding.startsWith('UTF-8') || encoding === 'UTF-8 BOM', `${armour} ${encoding}`);
      }
    }
  });
  it('text that still is not a certificate says what it is, in which encoding', async () => {
    for (const [encoding, encode] of Object.entries(ENCODINGS)) {
      const text = await failure(encode('Subject: Jean Dupont\r\nThis is my certificate, see attachment.\r\n'));
      assert.equal(text.code, 'cert.unreadable', encoding);
      assert.equal(text.params.reason, 'text', encoding);
      assert.equal(text.params.encoding, encoding === 'UTF-16LE without BOM' ? 'UTF-16LE' : encoding);
      // Words made only of Base64 letters, separated by spaces, are text (QA: "hello world not a cert").
      const words = await failure(encode('hello world not a cert\r\n'));
      assert.equal(words.params.reason, 'text', encoding);
      const b64 = await failure(encode(encodeBase64(new TextEncoder().encode('not a certificate at all, only words'))));
      assert.equal(b64.params.reason, 'base64', encoding);
    }
    assert.equal((await failure(encodeBase64(leaf.der).slice(0, -5))).params.reason, 'base64');
  });
});

describe('issue 12 kind 2: content decides, not the PEM label', () => {
  it('each structure gets one message whatever its armour (DER, any PEM label, bare Base64, UTF-16)', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const dir = mkdtempSync(path.join(tmpdir(), 'csr-'));
    writeFileSync(path.join(dir, 'key.pem'), leaf.privateKeyPem);
    const csr = execFileSync('openssl', ['req', '-new', '-key', path.join(dir, 'key.pem'), '-subj', '/CN=Jean', '-outform', 'DER']);
    rmSync(dir, { recursive: true });
    const p7 = Uint8Array.from([0x30, 0x0f, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x02, 0x30, 0x00]);
    const structures: Array<[string, Uint8Array, string, string?]> = [
      ['certificate', leaf.der, 'ok'],
      ['PKCS#12', makePkcs12Like(leaf.der), 'cert.pkcs12'],
      ['PKCS#7', p7, 'cert.unreadable', 'pkcs7'],
      ['PKCS#8 key', new Uint8Array(ec.privateKey.export({ type: 'pkcs8', format: 'der' })), 'cert.private-key'],
      ['CSR', new Uint8Array(csr), 'cert.unreadable', 'csr'],
      ['SPKI', new Uint8Array(ec.publicKey.export({ type: 'spki', format: 'der' })), 'cert.unreadable', 'publicKey'],
    ];
    for (const [name, der, code, reason] of structures) {
      const armours: Record<string, Uint8Array | string> = {
        DER: der,
        'PEM CERTIFICATE': pemOf(der, 'CERTIFICATE'),
        'PEM odd label': pemOf(der, 'DATA'),
        'bare Base64': encodeBase64(der),
        'UTF-16LE PEM': ENCODINGS['UTF-16LE']!(pemOf(der, 'CERTIFICATE')),
      };
      for (const [armour, bytes] of Object.entries(armours)) {
        const r = await check(bytes);
        assert.equal(r.ok ? 'ok' : r.code, code, `${name} as ${armour}`);
        if (reason && !r.ok) assert.equal(r.params.reason, reason, `${name} as ${armour}`);
      }
    }
  });
});

describe('issue 12 kind 3: data after a complete certificate', () => {
  it('whitespace, NUL padding and OpenSSL trust data are accepted; the original bytes are what was checked', async () => {
    const tails: Record<string, Uint8Array> = {
      LF: Uint8Array.of(0x0a),
      CRLF: Uint8Array.of(0x0d, 0x0a),
      'spaces and tabs': Uint8Array.of(0x20, 0x09, 0x20, 0x0a),
      'one NUL': Uint8Array.of(0),
      '512 NULs (block padding)': new Uint8Array(512),
      'OpenSSL trust': AUX_TRUST,
      'OpenSSL alias only': AUX_ALIAS,
      'OpenSSL trust, alias, keyid': AUX_FULL,
      'OpenSSL trust then CRLF': concat(AUX_TRUST, Uint8Array.of(0x0d, 0x0a)),
    };
    for (const [name, tail] of Object.entries(tails)) {
      const r = await check(concat(leaf.der, tail));
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
      assert.equal(r.details.sha256Fingerprint, (await check(leaf.der)).ok ? ((await check(leaf.der)) as { details: { sha256Fingerprint: string } }).details.sha256Fingerprint : '');
    }
  });
  it('real `openssl x509 -trustout` output (trust, reject, alias) is accepted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trust-'));
    writeFileSync(path.join(dir, 'c.pem'), leaf.pem);
    const pem = execFileSync('openssl', ['x509', '-in', path.join(dir, 'c.pem'), '-addtrust', 'clientAuth', '-addreject', 'emailProtection', '-setalias', 'Jean Dupont', '-trustout']).toString();
    rmSync(dir, { recursive: true });
    assert.match(pem, /BEGIN TRUSTED CERTIFICATE/);
    const r = await check(pem);
    assert.ok(r.ok && r.reading.notes.includes('opensslTrust'), JSON.stringify(r));
  });
  it('anything else is refused, saying how many bytes follow', async () => {
    const tails: Array<[string, Uint8Array]> = [
      ['one byte', Uint8Array.of(0x41)],
      ['a text line', new TextEncoder().encode('exported by tool 1.0\n')],
      ['random 333 bytes', Uint8Array.from({ length: 333 }, (_, i) => (i * 37 + 11) % 256)],
      ['the PEM of the same certificate', new TextEncoder().encode(pemOf(leaf.der, 'CERTIFICATE'))],
      ['trust data then junk', concat(AUX_TRUST, Uint8Array.of(1, 2))],
    ];
    for (const [name, tail] of tails) {
      assert.deepEqual(await failure(concat(leaf.der, tail)), { code: 'cert.unreadable', params: { reason: 'trailing', found: tail.length } }, name);
      // Inside a PEM block too.
      assert.deepEqual(await failure(pemOf(concat(leaf.der, tail), 'CERTIFICATE')), { code: 'cert.unreadable', params: { reason: 'trailing', found: tail.length } }, `PEM ${name}`);
    }
    assert.deepEqual(await failure(concat(leaf.der, pki.eid.der, pki.globalsign.der)), { code: 'cert.unreadable', params: { reason: 'multiple', found: 3 } });
  });
});

describe('issue 12 kind 5: serial numbers as OpenSSL shows them', () => {
  it('negative, positive with a high bit, small and zero serials', async () => {
    for (const serial of [-0x7f3a2b1c5dn, -1n, -128n, -129n, 0x80n, 0xffn, 1n, 0n, 2n ** 127n]) {
      const cert = await createLeaf({ issuer: pki.eid, serial, notBefore: new Date('2026-01-01Z'), notAfter: new Date('2028-01-01Z') });
      const r = await check(cert.der);
      assert.ok(r.ok, String(serial));
      assert.equal(r.details.serialNumber, serial.toString(10));
      const openssl = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-serial'], { input: cert.der }).toString().trim();
      const hex = serial < 0n ? `-${(-serial).toString(16)}` : serial.toString(16);
      assert.equal(openssl.replace(/^serial=/, '').replace(/^(-?)0+(?=.)/, '$1').toLowerCase(), hex);
    }
  });
});
