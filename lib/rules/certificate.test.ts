/** SPEC §4.4 steps 5–7 (validity, issuer per channel, REST key usage) and the displayed details. */
import assert from 'node:assert/strict';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { createCertificate, type Issued, type KeyUsageName } from '../pki/generate';
import { generateNodeKeyPair, type NodeKeyPair } from '../pki/keys';
import { createSamplePki, type SamplePki } from '../pki/sample';
import { checkCertificate, type Channel } from './certificate';
import type { TrustedCa } from './certificate-issuer';

const NOW = new Date('2026-06-15T12:00:00Z');
const NOT_BEFORE = new Date('2026-01-01T00:00:00Z');
const NOT_AFTER = new Date('2028-01-01T00:00:00Z');
const CHANNELS: Channel[] = ['FTP', 'SFTP', 'SOAP', 'REST'];

let pki: SamplePki;
let pair: NodeKeyPair; // one subject key for all leaves: key generation is the slow part

before(async () => {
  [pki, pair] = await Promise.all([createSamplePki(), generateNodeKeyPair({ kind: 'RSA', bits: 2048 })]);
});

function leaf(opts: { issuer?: Issued; cn?: string; keyUsage?: KeyUsageName[] | null; notBefore?: Date; notAfter?: Date; serial?: bigint } = {}): Promise<Issued> {
  return createCertificate({
    subject: { cn: opts.cn ?? 'Jean Dupont', o: 'Chaman Demo SA', c: 'BE' },
    keyPair: pair,
    notBefore: opts.notBefore ?? NOT_BEFORE,
    notAfter: opts.notAfter ?? NOT_AFTER,
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    ...(opts.keyUsage !== undefined ? { keyUsage: opts.keyUsage } : {}),
    ...(opts.serial !== undefined ? { serial: opts.serial } : {}),
  });
}

function check(cert: { der: Uint8Array }, channel: Channel, opts: { now?: Date; trustStore?: TrustedCa[] } = {}) {
  return checkCertificate({ fileName: 'jean.cer', bytes: cert.der, channel, trustStore: opts.trustStore ?? pki.trustStore, now: opts.now ?? NOW });
}

async function outcome(cert: { der: Uint8Array }, channel: Channel): Promise<string> {
  const r = await check(cert, channel);
  return r.ok ? 'ok' : `${r.code}${r.params.found !== undefined ? `:${String(r.params.found)}` : ''}`;
}

describe('SPEC §4.4 step 5: validity against now', () => {
  it('not before ≤ now ≤ not after, both bounds inclusive', async () => {
    const cert = await leaf({ issuer: pki.eid });
    assert.ok((await check(cert, 'FTP', { now: NOT_BEFORE })).ok);
    assert.ok((await check(cert, 'FTP', { now: NOT_AFTER })).ok);
    assert.deepEqual(await check(cert, 'FTP', { now: new Date(NOT_BEFORE.getTime() - 1000) }), {
      ok: false,
      code: 'cert.not-yet-valid',
      params: { notBefore: '2026-01-01T00:00:00.000Z', notBeforeMs: NOT_BEFORE.getTime(), now: '2025-12-31T23:59:59.000Z' },
    });
    assert.deepEqual(await check(cert, 'REST', { now: new Date(NOT_AFTER.getTime() + 1000) }), {
      ok: false,
      code: 'cert.expired',
      params: { notAfter: '2028-01-01T00:00:00.000Z', notAfterMs: NOT_AFTER.getTime(), now: '2028-01-01T00:00:01.000Z' },
    });
  });

  it('validity comes before the issuer (an expired self-signed certificate on FTP is "expired")', async () => {
    const self = await leaf({ notAfter: new Date('2026-02-01Z') });
    const r = await check(self, 'FTP');
    assert.ok(!r.ok && r.code === 'cert.expired');
  });
});

describe('SPEC §4.4 step 6: issuer per channel', () => {
  // Expected outcome per issuer, channel order FTP, SFTP, SOAP, REST.
  const matrix: Array<[string, (p: SamplePki) => Issued | undefined, string[]]> = [
    ['eID CA', (p) => p.eid, ['ok', 'ok', 'cert.issuer-not-allowed:eid', 'ok']],
    ['GlobalSign PersonalSign 3 CA', (p) => p.globalsign, ['ok', 'ok', 'ok', 'ok']],
    ['trust-store CA of family other', (p) => p.other, ['cert.issuer-not-allowed:other', 'cert.issuer-not-allowed:other', 'cert.issuer-not-allowed:other', 'ok']],
    ['CA outside the trust store', (p) => p.untrusted, ['cert.issuer-not-allowed:untrusted', 'cert.issuer-not-allowed:untrusted', 'cert.issuer-not-allowed:untrusted', 'ok']],
    ['impostor using the eID CA name', (p) => p.impostorEid, ['cert.issuer-not-allowed:untrusted', 'cert.issuer-not-allowed:untrusted', 'cert.issuer-not-allowed:untrusted', 'ok']],
    ['nobody (self-signed)', () => undefined, ['cert.self-signed-not-allowed', 'cert.self-signed-not-allowed', 'cert.self-signed-not-allowed', 'ok']],
  ];
  for (const [label, issuerOf, expected] of matrix) {
    it(`issued by ${label}: ${expected.join(' / ')}`, async () => {
      const issuer = issuerOf(pki);
      const cert = await leaf(issuer ? { issuer } : {});
      assert.deepEqual(await Promise.all(CHANNELS.map((c) => outcome(cert, c))), expected);
    });
  }

  it('issuer-not-allowed params name the issuer, what was found and what the channel allows', async () => {
    const cert = await leaf({ issuer: pki.eid });
    assert.deepEqual(await check(cert, 'SOAP'), {
      ok: false,
      code: 'cert.issuer-not-allowed',
      params: { channel: 'SOAP', issuer: 'Chaman Mirror TEST eID Citizen CA', found: 'eid', allowed: 'globalsign-personalsign3pro' },
    });
    const untrusted = await check(await leaf({ issuer: pki.untrusted }), 'FTP');
    assert.ok(!untrusted.ok && untrusted.params.allowed === 'eid, globalsign-personalsign3pro');
    const self = await check(await leaf(), 'SFTP');
    assert.deepEqual(self, { ok: false, code: 'cert.self-signed-not-allowed', params: { channel: 'SFTP', allowed: 'REST' } });
  });

  it('details tell self-signed and the trusted issuer family apart', async () => {
    const viaEid = await check(await leaf({ issuer: pki.eid }), 'REST');
    assert.ok(viaEid.ok && !viaEid.details.selfSigned && viaEid.details.issuerFamily === 'eid');
    const viaUntrusted = await check(await leaf({ issuer: pki.untrusted }), 'REST');
    assert.ok(viaUntrusted.ok && !viaUntrusted.details.selfSigned && viaUntrusted.details.issuerFamily === undefined);
    const self = await check(await leaf(), 'REST');
    assert.ok(self.ok && self.details.selfSigned && self.details.issuerFamily === undefined);
  });

  it('wrongly signed: issuer = subject but another key signed it → treated as CA-issued', async () => {
    // A "CA" whose name is the leaf's own name signs the leaf: issuer == subject, but the
    // signature does not verify with the leaf's key.
    const twin = await createCertificate({ subject: { cn: 'Jean Dupont', o: 'Chaman Demo SA', c: 'BE' }, isCa: true, notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const cert = await leaf({ issuer: twin });
    assert.equal(await outcome(cert, 'FTP'), 'cert.issuer-not-allowed:untrusted');
    const rest = await check(cert, 'REST');
    assert.ok(rest.ok && rest.details.selfSigned === false);
    // Unless that signer really is a trusted CA of an allowed family.
    const trusted = await check(cert, 'FTP', { trustStore: [...pki.trustStore, { family: 'eid', der: twin.der }] });
    assert.ok(trusted.ok && trusted.details.issuerFamily === 'eid' && !trusted.details.selfSigned);
  });

  it('a tampered signature no longer verifies against the CA', async () => {
    const cert = await leaf({ issuer: pki.globalsign });
    const bytes = cert.der.slice();
    const last = bytes.length - 1;
    bytes[last] = (bytes[last] ?? 0) ^ 0x01;
    assert.equal(await outcome({ der: bytes }, 'SOAP'), 'cert.issuer-not-allowed:untrusted');
  });

  it('empty trust store: nothing is CA-approved for FTP/SFTP/SOAP', async () => {
    const cert = await leaf({ issuer: pki.eid });
    const r = await check(cert, 'SFTP', { trustStore: [] });
    assert.ok(!r.ok && r.code === 'cert.issuer-not-allowed' && r.params.found === 'untrusted');
  });

  it('the same CA listed under two families counts for the allowed one', async () => {
    const cert = await leaf({ issuer: pki.other });
    const store: TrustedCa[] = [...pki.trustStore, { family: 'globalsign-personalsign3pro', der: pki.other.der.slice() }];
    const r = await check(cert, 'SOAP', { trustStore: store });
    assert.ok(r.ok && r.details.issuerFamily === 'globalsign-personalsign3pro');
  });

  it('a broken trust-store entry is ignored, not fatal', async () => {
    const cert = await leaf({ issuer: pki.eid });
    const r = await check(cert, 'FTP', { trustStore: [{ family: 'eid', der: new Uint8Array([1, 2, 3]) }, ...pki.trustStore] });
    assert.ok(r.ok);
  });
});

describe('SPEC §4.4 step 7: key usage (REST only)', () => {
  it('self-signed: keyUsage must be present and include digitalSignature', async () => {
    assert.ok((await check(await leaf({ keyUsage: ['digitalSignature'] }), 'REST')).ok);
    assert.ok((await check(await leaf({ keyUsage: ['digitalSignature', 'keyEncipherment', 'nonRepudiation'] }), 'REST')).ok);
    assert.deepEqual(await check(await leaf({ keyUsage: null }), 'REST'), {
      ok: false,
      code: 'cert.key-usage',
      params: { found: 'none', required: 'digitalSignature', selfSigned: 'yes' },
    });
    assert.deepEqual(await check(await leaf({ keyUsage: ['keyEncipherment', 'nonRepudiation'] }), 'REST'), {
      ok: false,
      code: 'cert.key-usage',
      params: { found: 'nonRepudiation, keyEncipherment', required: 'digitalSignature', selfSigned: 'yes' },
    });
    const empty = await check(await leaf({ keyUsage: [] }), 'REST');
    assert.ok(!empty.ok && empty.params.found === 'empty');
  });

  it('CA-issued: no keyUsage is fine; a keyUsage without digitalSignature is not', async () => {
    assert.ok((await check(await leaf({ issuer: pki.untrusted, keyUsage: null }), 'REST')).ok);
    assert.ok((await check(await leaf({ issuer: pki.eid, keyUsage: ['digitalSignature'] }), 'REST')).ok);
    assert.deepEqual(await check(await leaf({ issuer: pki.eid, keyUsage: ['keyEncipherment'] }), 'REST'), {
      ok: false,
      code: 'cert.key-usage',
      params: { found: 'keyEncipherment', required: 'digitalSignature', selfSigned: 'no' },
    });
  });

  it('is not checked on FTP/SFTP/SOAP', async () => {
    const cert = await leaf({ issuer: pki.globalsign, keyUsage: ['keyEncipherment'] });
    for (const channel of ['FTP', 'SFTP', 'SOAP'] as const) assert.ok((await check(cert, channel)).ok, channel);
  });
});

describe('SPEC §4.4 displayed details', () => {
  it('match an independent reading by node:crypto', async () => {
    const cert = await leaf({ issuer: pki.eid, serial: 0x0123456789abcdef0123n });
    const r = await check(cert, 'FTP');
    assert.ok(r.ok);
    const node = new NodeX509(cert.der);
    assert.deepEqual(r.details, {
      subjectCn: 'Jean Dupont',
      subjectO: 'Chaman Demo SA',
      issuerCn: 'Chaman Mirror TEST eID Citizen CA',
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2028-01-01T00:00:00.000Z',
      serialNumber: BigInt('0x0123456789abcdef0123').toString(10),
      sha256Fingerprint: node.fingerprint256,
      keyDescription: 'RSA 2048',
      signatureAlgorithm: 'SHA-256 with RSA',
      selfSigned: false,
      issuerFamily: 'eid',
    });
    assert.equal(r.details.serialNumber, '5373003642731685151011'); // python: int('0123456789abcdef0123', 16)
    assert.equal(BigInt(`0x${node.serialNumber}`).toString(10), r.details.serialNumber);
    assert.match(r.details.sha256Fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('PEM and DER give the same details', async () => {
    const cert = await leaf({ issuer: pki.globalsign });
    const fromDer = await check(cert, 'SOAP');
    const fromPem = await checkCertificate({ fileName: 'x.cer', bytes: new TextEncoder().encode(cert.pem), channel: 'SOAP', trustStore: pki.trustStore, now: NOW });
    assert.ok(fromDer.ok && fromPem.ok);
    assert.deepEqual(fromPem.details, fromDer.details);
  });

  it('issuer without CN: the full issuer name is shown as Fournisseur', async () => {
    const ca = await createCertificate({ subject: { cn: '', o: 'No CN Org', c: 'BE' }, isCa: true, notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const r = await check(await leaf({ issuer: ca }), 'REST');
    assert.ok(r.ok && r.details.issuerCn === 'O=No CN Org, C=BE', r.ok ? r.details.issuerCn : r.code);
  });
});

describe('programming errors', () => {
  it('an unknown channel or an invalid date is a TypeError, not a rule result', async () => {
    const cert = await leaf({ issuer: pki.eid });
    await assert.rejects(checkCertificate({ fileName: 'a.cer', bytes: cert.der, channel: 'MQ' as Channel, trustStore: [], now: NOW }), TypeError);
    await assert.rejects(checkCertificate({ fileName: 'a.cer', bytes: cert.der, channel: 'FTP', trustStore: [], now: new Date('x') }), TypeError);
  });
});

describe('SPEC §4.4 performance', () => {
  it('median check time of a CA-issued RSA 2048 certificate on FTP stays well under 5 ms', async () => {
    const cert = await leaf({ issuer: pki.eid });
    for (let i = 0; i < 30; i++) await check(cert, 'FTP'); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const r = await check(cert, 'FTP');
      times.push(performance.now() - t);
      assert.ok(r.ok);
    }
    times.sort((a, b) => a - b);
    const median = times[50] ?? Infinity;
    assert.ok(median < 5, `median ${median.toFixed(3)} ms`);
  });
});
