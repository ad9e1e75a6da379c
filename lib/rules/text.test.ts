import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createCertificate, type Issued } from '../pki/generate';
import { generateNodeKeyPair, type NodeKeyPair } from '../pki/keys';
import { checkCertificate } from './certificate';
import { firstForbiddenCharacter, hasForbiddenCharacters, withoutForbiddenCharacters } from './text';

describe('issue 19: characters refused in free text', () => {
  it('ordinary text in every script passes, emoji included', () => {
    for (const ok of ['APK Recycling', 'Vélo & Cie', 'Ελληνικά', 'Ærø', '日本語', 'family 👨‍👩‍👧', 'l\u2019apostrophe']) {
      assert.equal(hasForbiddenCharacters(ok), false, ok);
    }
  });
  it('NUL, other C0/C1 controls, DEL, bidi overrides, separators, lone surrogates are refused', () => {
    for (const bad of ['a\u0000b', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\u202eevil', '\u2066x', '\u2028', '\ud800', 'x\udc00', '\uffff']) {
      assert.equal(hasForbiddenCharacters(bad), true, JSON.stringify(bad));
      assert.equal(hasForbiddenCharacters(bad, { multiline: true }), true, JSON.stringify(bad));
    }
  });
  it('tab, LF and CR only in multi-line text', () => {
    assert.equal(hasForbiddenCharacters('a\tb'), true);
    assert.equal(hasForbiddenCharacters('line\r\nline'), true);
    assert.equal(hasForbiddenCharacters('ssh-rsa AAAA\r\n\tx', { multiline: true }), false);
  });
  it('invisible format characters are refused too (issue 17 QA), the joiners emoji need are kept', () => {
    for (const bad of ['a\u200Bb', '\u200Ename', '\u200F', '\u061C', '\u2060', '\u2064', '\u206A', '\uFEFFname', '\u00AD', '\u180E', '\uFFF9']) {
      assert.equal(hasForbiddenCharacters(bad), true, JSON.stringify(bad));
    }
    assert.equal(hasForbiddenCharacters('a\u200Cb\u200Dc'), false);
  });
  it('the first refused character is named as its code point', () => {
    assert.equal(firstForbiddenCharacter('Dimona'), null);
    assert.equal(firstForbiddenCharacter('abc\u202Eevil\u0000'), 'U+202E');
    assert.equal(firstForbiddenCharacter('a\tb\u2066'), 'U+0009');
    assert.equal(firstForbiddenCharacter('a\tb\u2066', { multiline: true }), 'U+2066');
    assert.equal(firstForbiddenCharacter('x\ud800'), 'U+D800');
    assert.equal(firstForbiddenCharacter('line\r\n', { multiline: true }), null);
  });
  it('refused characters can be shown as U+FFFD', () => {
    assert.equal(withoutForbiddenCharacters('a\u0000b\nc'), 'a\ufffdb\ufffdc');
  });
});

describe('issue 19: text read from an uploaded certificate follows the same rules', () => {
  let pair: NodeKeyPair;
  before(async () => {
    pair = await generateNodeKeyPair({ kind: 'RSA', bits: 2048 });
  });
  const selfSigned = (cn: string, o = 'APK Recycling'): Promise<Issued> =>
    createCertificate({ subject: { cn, o, c: 'BE' }, keyPair: pair, notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') });
  const check = async (issued: Issued) =>
    checkCertificate({ fileName: 'x.cer', bytes: new Uint8Array(issued.der), channel: 'REST', trustStore: [], now: new Date('2026-06-15T12:00:00Z') });

  it('a NUL in the subject CN or O is refused as cert.text, not stored', async () => {
    assert.deepEqual(await check(await selfSigned('Jean\u0000Dupont')), { ok: false, code: 'cert.text', params: { field: 'subject', max: 1024 } });
    const result = await check(await selfSigned('Jean Dupont', 'APK\u001bRecycling'));
    assert.equal(result.ok ? 'ok' : result.code, 'cert.text');
  });
  it('an ordinary self-signed certificate still passes on REST', async () => {
    const result = await check(await selfSigned('Jean Dupont'));
    assert.equal(result.ok, true);
  });
});

describe('issue 19: an SSH key comment follows the same rules', () => {
  it('a control character in the comment makes the key unreadable', async () => {
    const { checkSshPublicKey } = await import('./ssh-key');
    const { generateSshKeyPair } = await import('../pki/ssh');
    const [type, blob] = generateSshKeyPair().openssh.split(' ');
    assert.equal(checkSshPublicKey(`${type} ${blob} ok-comment`).ok, true);
    const refused = checkSshPublicKey(`${type} ${blob} bad\u0000comment`);
    assert.equal(refused.ok ? 'ok' : refused.code, 'ssh.unreadable');
  });
});
