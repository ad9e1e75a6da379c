/** `chaman check …`: exit codes 0/1/2 and exactly one JSON object on stdout (SPEC §4 rules). */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLeaf, createSamplePki, type SamplePki } from '@/lib/pki/sample';
import { generateSshKeyPair } from '@/lib/pki/ssh';
import type { TrustedCa } from '@/lib/rules/certificate';
import { runCheck } from './check';

let dir: string;
let pki: SamplePki;
const files: Record<string, string> = {};

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chaman-check-'));
  pki = await createSamplePki();
  const validity = { notBefore: new Date('2026-01-01Z'), notAfter: new Date('2028-01-01Z') };
  const [eidLeaf, gsLeaf, self] = await Promise.all([
    createLeaf({ issuer: pki.eid, ...validity }),
    createLeaf({ issuer: pki.globalsign, ...validity }),
    createLeaf({ ...validity }),
  ]);
  const write = async (name: string, data: string | Uint8Array) => {
    files[name] = path.join(dir, name);
    await writeFile(files[name], data);
  };
  await write('eid-leaf.cer', eidLeaf.der);
  await write('gs-leaf.cer', gsLeaf.pem);
  await write('self.cer', self.der);
  await write('leaf.pfx', eidLeaf.der);
  await write('eid-ca.cer', pki.eid.pem);
  await write('globalsign-ca.cer', pki.globalsign.der);
  await write('id_rsa.pub', `${generateSshKeyPair({ comment: 'jean@acme' }).openssh}\n`);
  await write('id_ed25519.pub', generateSshKeyPair({ kind: 'ed25519' }).openssh);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], opts: { store?: TrustedCa[]; stdin?: string; failStore?: boolean } = {}) {
  const out: string[] = [];
  const exitCode = await runCheck(args, {
    loadTrustStore: async () => {
      if (opts.failStore) throw new Error('database unavailable');
      return opts.store ?? [];
    },
    write: (text) => out.push(text),
    readStdin: async () => new TextEncoder().encode(opts.stdin ?? ''),
  });
  assert.equal(out.length, 1, 'exactly one write');
  const text = out[0] ?? '';
  assert.ok(text.endsWith('\n') && !text.slice(0, -1).includes('\n'), 'one line');
  const json = JSON.parse(text) as Record<string, unknown>;
  return { exitCode, json };
}

const file = (name: string) => files[name] ?? name;
const NOW = ['--now', '2026-06-15T12:00:00Z'];

describe('check cert', () => {
  it('exit 0 with the details for an accepted certificate (trust store from deps)', async () => {
    const { exitCode, json } = await run(['cert', file('eid-leaf.cer'), '--channel', 'FTP', ...NOW], { store: pki.trustStore });
    assert.equal(exitCode, 0);
    assert.equal(json.ok, true);
    assert.equal(json.subjectCn, 'Jean Dupont');
    assert.equal(json.issuerFamily, 'eid');
    assert.match(String(json.sha256Fingerprint), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('--trust adds CAs for this check only (PEM or DER, both spellings)', async () => {
    const rejected = await run(['cert', file('eid-leaf.cer'), '--channel', 'sftp', ...NOW]);
    assert.equal(rejected.exitCode, 1);
    assert.equal(rejected.json.code, 'cert.issuer-not-allowed');
    const accepted = await run(['cert', file('eid-leaf.cer'), '--channel', 'SFTP', '--trust', `eid=${file('eid-ca.cer')}`, ...NOW]);
    assert.equal(accepted.exitCode, 0);
    const soap = await run(['cert', file('gs-leaf.cer'), '--channel=SOAP', `--trust=globalsign-personalsign3pro=${file('globalsign-ca.cer')}`, ...NOW]);
    assert.equal(soap.exitCode, 0);
    assert.equal(soap.json.issuerFamily, 'globalsign-personalsign3pro');
  });

  it('exit 1 with code, English message and params for a refused certificate', async () => {
    const { exitCode, json } = await run(['cert', file('self.cer'), '--channel', 'FTP', ...NOW]);
    assert.equal(exitCode, 1);
    assert.deepEqual(json, {
      ok: false,
      code: 'cert.self-signed-not-allowed',
      message: 'Self-signed certificate: accepted only for REST accounts, not for FTP. Use a certificate issued by the Belgian eID or GlobalSign (PersonalSign 3 Pro).',
      params: { channel: 'FTP', allowed: 'REST' },
    });
    const pfx = await run(['cert', file('leaf.pfx'), '--channel', 'REST']);
    assert.equal(pfx.exitCode, 1);
    assert.equal(pfx.json.code, 'cert.pkcs12');
    assert.match(String(pfx.json.message), /\.cer/);
    const expired = await run(['cert', file('self.cer'), '--channel', 'REST', '--now', '2030-01-01']);
    assert.equal(expired.json.code, 'cert.expired');
    assert.match(String(expired.json.message), /expired on January 1, 2028/);
  });

  it('exit 2 for usage errors', async () => {
    const cases: string[][] = [
      ['cert', file('eid-leaf.cer')],
      ['cert', file('eid-leaf.cer'), '--channel', 'MQ'],
      ['cert', '--channel', 'FTP'],
      ['cert', file('eid-leaf.cer'), 'extra', '--channel', 'FTP'],
      ['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--trust', 'belgium=x.cer'],
      ['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--trust'],
      ['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--now', 'yesterday'],
      ['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--channel', 'SOAP'],
      ['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--verbose', 'yes'],
    ];
    for (const args of cases) {
      const { exitCode, json } = await run(args);
      assert.equal(exitCode, 2, args.join(' '));
      assert.equal(json.ok, false);
      assert.equal(json.code, 'usage', args.join(' '));
      assert.match(String(json.message), /Usage:/);
    }
  });

  it('exit 2 (io) for a missing file, a bad --trust file or an unavailable trust store', async () => {
    const missing = await run(['cert', path.join(dir, 'nope.cer'), '--channel', 'FTP']);
    assert.equal(missing.exitCode, 2);
    assert.equal(missing.json.code, 'io');
    const badTrust = await run(['cert', file('eid-leaf.cer'), '--channel', 'FTP', '--trust', `eid=${file('id_rsa.pub')}`]);
    assert.deepEqual([badTrust.exitCode, badTrust.json.code], [2, 'io']);
    const store = await run(['cert', file('eid-leaf.cer'), '--channel', 'FTP'], { failStore: true });
    assert.deepEqual([store.exitCode, store.json.code], [2, 'io']);
    assert.match(String(store.json.message), /database unavailable/);
  });
});

describe('check ssh-key / username / password / identifiers', () => {
  it('ssh-key from a file or stdin', async () => {
    const ok = await run(['ssh-key', file('id_rsa.pub')]);
    assert.equal(ok.exitCode, 0);
    assert.equal(ok.json.bits, 2048);
    assert.equal(ok.json.comment, 'jean@acme');
    const ed = await run(['ssh-key', file('id_ed25519.pub')]);
    assert.deepEqual([ed.exitCode, ed.json.code, ed.json.message], [1, 'ssh.key-type', 'Key type ssh-ed25519: only RSA keys (ssh-rsa) are accepted.']);
    const stdin = await run(['ssh-key', '-'], { stdin: 'not a key' });
    assert.deepEqual([stdin.exitCode, stdin.json.code], [1, 'ssh.unreadable']);
  });

  it('username', async () => {
    assert.deepEqual(await run(['username', 'EXPacme01']), { exitCode: 0, json: { ok: true, value: 'EXPacme01', normalized: 'EXPACME01' } });
    const bad = await run(['username', 'EXP1']);
    assert.equal(bad.exitCode, 1);
    assert.equal(bad.json.message, 'The username has 4 characters: it must have between 8 and 17, the EXP prefix included.');
  });

  it('password: never echoed; `-` reads stdin; `--` protects values starting with --', async () => {
    assert.deepEqual(await run(['password', 'Secret12']), { exitCode: 0, json: { ok: true } });
    const bad = await run(['password', 'Secret1']);
    assert.equal(bad.exitCode, 1);
    assert.ok(!JSON.stringify(bad.json).includes('Secret1'));
    assert.deepEqual(await run(['password', '-'], { stdin: 'Secret!!\n' }), { exitCode: 0, json: { ok: true } });
    assert.deepEqual(await run(['password', '--', '--abc']), { exitCode: 0, json: { ok: true } });
  });

  it('enterprise-number, niss, phone', async () => {
    assert.equal((await run(['enterprise-number', '0123.456.749'])).exitCode, 0);
    assert.equal((await run(['niss', '85.07.30-033.29'])).json.code, 'niss.checksum');
    const phone = await run(['phone', '+32', '0486531619']);
    assert.equal(phone.json.e164, '+32486531619');
  });

  it('usage errors', async () => {
    for (const args of [[], ['nope'], ['username'], ['username', 'a', 'b'], ['password', '--x', 'y'], ['phone', '+32']]) {
      const { exitCode, json } = await run(args);
      assert.deepEqual([exitCode, json.code], [2, 'usage'], args.join(' '));
    }
  });
});
