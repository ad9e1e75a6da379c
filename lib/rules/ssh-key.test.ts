import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { before, describe, it } from 'node:test';
import sshpk from 'sshpk';
import { generateSshKeyPair, type SshKeyPair } from '../pki/ssh';
import { checkSshPublicKey } from './ssh-key';

function code(text: string): string {
  const r = checkSshPublicKey(text);
  return r.ok ? 'ok' : r.code;
}

/** OpenSSH fingerprint computed independently: SHA-256 of the blob, base64 without padding. */
function expectedFingerprint(openssh: string): string {
  const blob = Buffer.from(openssh.split(' ')[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

// RSA key generation is slow (4096/4097 ≈ 1 s): generate each size once for the file.
const keys = new Map<number, SshKeyPair>();
before(() => {
  for (const bits of [1024, 2047, 2048, 3000, 4096, 4097]) keys.set(bits, generateSshKeyPair({ bits, comment: `test-${bits}` }));
});
function rsa(bits: number): SshKeyPair {
  const k = keys.get(bits);
  if (!k) throw new Error(`no ${bits}-bit key`);
  return k;
}

describe('SPEC §4.3 SSH public key', () => {
  it('accepts RSA 2048 in OpenSSH format with fingerprint, bits and comment', () => {
    const k = rsa(2048);
    const r = checkSshPublicKey(k.openssh);
    assert.ok(r.ok);
    assert.equal(r.type, 'ssh-rsa');
    assert.equal(r.bits, 2048);
    assert.equal(r.comment, 'test-2048');
    assert.equal(r.format, 'openssh');
    assert.equal(r.fingerprint, expectedFingerprint(k.openssh));
    assert.equal(r.fingerprint, k.fingerprint);
    assert.equal(r.openssh, k.openssh);
  });

  it('accepts the same key in RFC 4716 (SSH2) format, same fingerprint', () => {
    const k = rsa(2048);
    const r = checkSshPublicKey(k.rfc4716);
    assert.ok(r.ok);
    assert.equal(r.format, 'rfc4716');
    assert.equal(r.fingerprint, expectedFingerprint(k.openssh));
    assert.equal(r.comment, 'test-2048');
    assert.equal(r.openssh, k.openssh);
  });

  it('RFC 4716: other headers, continued header lines, CRLF, no comment', () => {
    const body = (rsa(2048).openssh.split(' ')[1] ?? '').match(/.{1,64}/g)?.join('\r\n') ?? '';
    const text = [
      '---- BEGIN SSH2 PUBLIC KEY ----',
      'Subject: trainer',
      'x-command: /usr/bin/something \\',
      'continued',
      'Comment: "2048-bit RSA, converted by me@example.com"',
      body,
      '---- END SSH2 PUBLIC KEY ----',
      '',
    ].join('\r\n');
    const r = checkSshPublicKey(text);
    assert.ok(r.ok);
    assert.equal(r.comment, '2048-bit RSA, converted by me@example.com');
    const bare = checkSshPublicKey(`---- BEGIN SSH2 PUBLIC KEY ----\n${body}\n---- END SSH2 PUBLIC KEY ----`);
    assert.ok(bare.ok && bare.comment === '');
  });

  it('trims whitespace; comment may be absent or contain spaces', () => {
    const [type, blob] = rsa(2048).openssh.split(' ');
    assert.equal(code(`\n\n  ${type} ${blob}  \n`), 'ok');
    const r = checkSshPublicKey(`${type} ${blob} Jean Dupont laptop`);
    assert.ok(r.ok && r.comment === 'Jean Dupont laptop');
    const none = checkSshPublicKey(`${type} ${blob}`);
    assert.ok(none.ok && none.comment === '' && none.openssh === `${type} ${blob}`);
  });

  it('ssh.key-size: 2047 and 4097 refused, 2048, 3000 and 4096 accepted (inclusive range)', () => {
    assert.deepEqual(checkSshPublicKey(rsa(1024).openssh), { ok: false, code: 'ssh.key-size', params: { found: 1024, min: 2048, max: 4096 } });
    assert.deepEqual(checkSshPublicKey(rsa(2047).openssh), { ok: false, code: 'ssh.key-size', params: { found: 2047, min: 2048, max: 4096 } });
    for (const bits of [2048, 3000, 4096]) {
      const r = checkSshPublicKey(rsa(bits).openssh);
      assert.ok(r.ok && r.bits === bits, String(bits));
    }
    assert.deepEqual(checkSshPublicKey(rsa(4097).openssh), { ok: false, code: 'ssh.key-size', params: { found: 4097, min: 2048, max: 4096 } });
    assert.equal(code(rsa(4097).rfc4716), 'ssh.key-size');
  });

  it('ssh.key-type: Ed25519, ECDSA, DSA and certificates refused, found type named', () => {
    assert.deepEqual(checkSshPublicKey(generateSshKeyPair({ kind: 'ed25519' }).openssh), {
      ok: false,
      code: 'ssh.key-type',
      params: { found: 'ssh-ed25519', allowed: 'ssh-rsa' },
    });
    const ecdsa = checkSshPublicKey(generateSshKeyPair({ kind: 'ecdsa', bits: 384 }).rfc4716);
    assert.ok(!ecdsa.ok && ecdsa.code === 'ssh.key-type' && ecdsa.params.found === 'ecdsa-sha2-nistp384');
    const dsa = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
    const dss = sshpk.parseKey(dsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'pem').toString('ssh');
    const r = checkSshPublicKey(dss);
    assert.ok(!r.ok && r.code === 'ssh.key-type' && r.params.found === 'ssh-dss');
    // The type comes from the key blob itself (an OpenSSH certificate here).
    const name = 'ssh-rsa-cert-v01@openssh.com';
    const blob = Buffer.concat([Buffer.from([0, 0, 0, name.length]), Buffer.from(name), Buffer.alloc(40, 7)]).toString('base64');
    assert.equal(code(`${name} ${blob}`), 'ssh.key-type');
  });

  it('ssh.private-key: any private key format is refused with a warning', () => {
    const k = rsa(2048);
    const rsaPkcs1 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const encrypted = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' })
      .toString();
    const samples = [
      k.privateKeyPem,
      k.privateKeyOpenssh,
      rsaPkcs1,
      encrypted,
      `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: x\nPublic-Lines: 1\nAAAA\n`,
      '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nAAAA\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
      `${k.openssh}\n${k.privateKeyOpenssh}`,
    ];
    for (const text of samples) assert.deepEqual(checkSshPublicKey(text), { ok: false, code: 'ssh.private-key', params: {} }, text.slice(0, 40));
  });

  it('ssh.unreadable: empty, garbage, PEM public key, damaged base64, mismatched label, several keys', () => {
    const [type, blob = ''] = rsa(2048).openssh.split(' ');
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['   \n ', 'empty'],
      ['hello world', 'format'],
      ['ssh-rsa', 'format'],
      [`${type} ${blob.slice(0, 50)}!!`, 'format'],
      [`${type} ${blob.slice(0, 101)}`, 'format'],
      [`${type} ${blob.slice(0, 100)}`, 'invalid'],
      [`ssh-ed25519 ${blob}`, 'invalid'],
      [rsa(2048).rfc4716.replace('---- END SSH2 PUBLIC KEY ----', ''), 'format'],
      [generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'format'],
    ];
    for (const [text, reason] of cases) {
      assert.deepEqual(checkSshPublicKey(text), { ok: false, code: 'ssh.unreadable', params: { reason, expected: 'OpenSSH, RFC 4716' } }, text.slice(0, 60));
    }
    assert.deepEqual(checkSshPublicKey(`${rsa(2048).openssh}\n${rsa(3000).openssh}`), {
      ok: false,
      code: 'ssh.unreadable',
      params: { reason: 'multiple', expected: 'OpenSSH, RFC 4716', found: 2 },
    });
  });

  it('ssh.too-large: more than 16 KiB is refused before parsing; exactly 16 KiB is read', () => {
    const k = rsa(2048).openssh;
    const padded = k + ' '.repeat(16 * 1024 - k.length);
    assert.equal(Buffer.byteLength(padded), 16384);
    assert.equal(code(padded), 'ok');
    assert.deepEqual(checkSshPublicKey(`${padded} `), { ok: false, code: 'ssh.too-large', params: { found: 16385, max: 16384 } });
    // Size is checked first: even a private key that large gets ssh.too-large.
    assert.equal(code(rsa(2048).privateKeyPem.padEnd(20000, '\n')), 'ssh.too-large');
    // Multi-byte characters count in bytes.
    assert.equal(code('é'.repeat(8193)), 'ssh.too-large');
  });

  it('never throws on hostile input', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const base = rsa(2048).openssh;
    for (let i = 0; i < 500; i++) {
      const chars = [...base];
      for (let j = 0; j < 1 + Math.floor(rnd() * 5); j++) chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 256));
      const text = rnd() < 0.2 ? chars.slice(0, Math.floor(rnd() * chars.length)).join('') : chars.join('');
      const r = checkSshPublicKey(text);
      assert.ok(r.ok || r.code.startsWith('ssh.'));
    }
    assert.equal(code(undefined as unknown as string), 'ssh.unreadable');
  });
});
