/** Issue 12 kind 4 and 5: SSH key paste accidents, generated, read as sshd reads authorized_keys. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { generateSshKeyPair, type SshKeyPair } from '../pki/ssh';
import { checkSshPublicKey } from './ssh-key';

let key: SshKeyPair;
let other: SshKeyPair;
before(() => {
  key = generateSshKeyPair({ bits: 2048, comment: 'jean@laptop' });
  other = generateSshKeyPair({ bits: 3072, comment: 'other' });
});

function accepted(input: string | Uint8Array, label: string) {
  const r = checkSshPublicKey(input);
  assert.ok(r.ok, `${label}: ${JSON.stringify(r)}`);
  assert.equal(r.fingerprint, key.fingerprint, label);
  return r;
}

const encodings: Record<string, (t: string) => Uint8Array> = {
  'UTF-8': (t) => new Uint8Array(Buffer.from(t)),
  'UTF-8 BOM': (t) => new Uint8Array(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(t)])),
  'UTF-16LE BOM': (t) => new Uint8Array(Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(t, 'utf16le')])),
  'UTF-16BE BOM': (t) => new Uint8Array(Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(t, 'utf16le').swap16()])),
  'UTF-32LE BOM': (t) => {
    const cps = [0xfeff, ...Array.from(t, (c) => c.codePointAt(0) ?? 0)];
    const out = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => out.writeUInt32LE(cp, i * 4));
    return new Uint8Array(out);
  },
};

describe('issue 12 kind 4: authorized_keys options prefix (quotes respected, as sshd)', () => {
  it('is dropped with a note, whatever the options', () => {
    const options = [
      'no-pty',
      'from="192.0.2.0/24",no-pty,no-port-forwarding',
      'command="/usr/bin/rsync --server -vlogDtpre.iLsfxC . /data",no-agent-forwarding',
      'environment="NAME=value with spaces",from="*.example.com"',
      'command="echo \\"quoted words\\" here",restrict',
      'restrict,port-forwarding,permitopen="host:22"',
    ];
    for (const opt of options) {
      const r = accepted(`${opt} ${key.openssh}`, opt);
      assert.deepEqual(r.notes, ['optionsDropped']);
      assert.equal(r.droppedOptions, opt);
      assert.equal(r.comment, 'jean@laptop');
      assert.equal(r.openssh, key.openssh);
    }
  });
  it('an unterminated quote or options alone are still unreadable', () => {
    assert.equal(checkSshPublicKey(`command="oops ${key.openssh}`).ok, false);
    assert.equal(checkSshPublicKey('from="10.0.0.1",no-pty').ok, false);
  });
});

describe('issue 12 kind 4: comments, blank lines, broken lines, encodings', () => {
  it('# comment lines and blank lines are ignored, with a note', () => {
    const texts = [
      `# laptop key\n${key.openssh}\n`,
      `\n\n# one\n   # indented comment\n\n${key.openssh}\n# trailing comment\n`,
      `# Windows\r\n${key.openssh}\r\n\r\n`,
    ];
    for (const text of texts) assert.ok(accepted(text, text.slice(0, 20)).notes.includes('commentLinesIgnored'));
    assert.deepEqual(checkSshPublicKey('# only a comment\n\n').ok, false);
  });
  it('Base64 broken over several lines is rejoined (at any column, with the comment on the last line or alone)', () => {
    const [type, blob = ''] = key.openssh.split(' ');
    for (const width of [40, 64, 70, 76]) {
      const lines = blob.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
      const variants = [
        `${type} ${lines.join('\n')} jean@laptop`,
        `${type}\n${lines.join('\n')} jean@laptop`,
        `${type} ${lines.join('\r\n')}\njean@laptop`,
        `from="10.0.0.0/8" ${type} ${lines.join('\n')} jean@laptop`,
      ];
      for (const text of variants) {
        const r = accepted(text, `${width}: ${text.slice(0, 30)}`);
        assert.ok(r.notes.includes('lineBreaksRejoined'));
        assert.equal(r.comment, 'jean@laptop');
      }
    }
  });
  it('several keys are counted only from lines that decode to real key blobs', () => {
    const multiple = checkSshPublicKey(`${key.openssh}\n# second\n${other.openssh}\n`);
    assert.deepEqual(multiple.ok ? null : multiple.params, { reason: 'multiple', expected: 'OpenSSH, RFC 4716', found: 2 });
    const three = checkSshPublicKey(`${key.openssh}\nno-pty ${other.openssh}\n${generateSshKeyPair({ kind: 'ed25519' }).openssh}`);
    assert.equal(three.ok ? 0 : three.params.found, 3);
    // A key and a line that is not one: named as such, not "several keys".
    const extra = checkSshPublicKey(`${key.openssh}\nssh-rsa AAAAnot-a-key\n`);
    assert.deepEqual(extra.ok ? null : extra.params, { reason: 'extraLines', expected: 'OpenSSH, RFC 4716', found: 1 });
  });
  it('files in UTF-8 (BOM or not), UTF-16 and UTF-32 with a BOM are decoded', () => {
    for (const [name, encode] of Object.entries(encodings)) {
      const r = accepted(encode(`# key\r\n${key.openssh}\r\n`), name);
      assert.equal(r.notes.includes('textEncoding'), !name.startsWith('UTF-8'), name);
      accepted(encode(key.rfc4716), `${name} RFC 4716`);
    }
    // A pasted string starting with a BOM (copied from a UTF-8 BOM file).
    accepted(`\ufeff${key.openssh}`, 'BOM string');
  });
});

describe('issue 12 kind 5: RFC 4716 comment continued with a backslash keeps its spacing', () => {
  it('a continuation line starting with a space keeps it; a break after a space keeps it', () => {
    const body = (key.openssh.split(' ')[1] ?? '').match(/.{1,70}/g)?.join('\n') ?? '';
    const block = (header: string) => `---- BEGIN SSH2 PUBLIC KEY ----\n${header}\n${body}\n---- END SSH2 PUBLIC KEY ----\n`;
    const a = accepted(block('Comment: "2048-bit RSA, converted by jean@laptop\\\n from OpenSSH"'), 'leading space');
    assert.equal(a.comment, '2048-bit RSA, converted by jean@laptop from OpenSSH');
    const b = accepted(block('Comment: "This is my public key for use on \\\nservers which I don\'t like."'), 'RFC 4716 §3.3 example');
    assert.equal(b.comment, "This is my public key for use on servers which I don't like.");
    const c = accepted(block('Comment: "two  spaces\\\n  kept"'), 'two spaces');
    assert.equal(c.comment, 'two  spaces  kept');
  });
});
