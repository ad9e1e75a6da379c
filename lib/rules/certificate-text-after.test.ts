/**
 * Issue 12 leftover: text after the PEM block ("-----END CERTIFICATE-----\nfoo") was accepted without a
 * word. Text before the block (openssl's « Bag Attributes ») is accepted; text after it is accepted the
 * same way but named in a `textAfter` note, while honest shapes (trailing blank lines, CRLF, NUL padding)
 * stay silent and a second certificate block stays `multiple`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOW, leaf, pki, setUpSampleLeaf } from './certificate-test-support';
import { checkCertificate } from './certificate';
import { encodeBase64 } from './der';
import { IGNORED_TEXT_SHOWN, ignoredTextExcerpt } from './certificate-decode';

setUpSampleLeaf();

const pemOf = (der: Uint8Array, eol = '\n') =>
  `-----BEGIN CERTIFICATE-----${eol}${(encodeBase64(der).match(/.{1,64}/g) ?? []).join(eol)}${eol}-----END CERTIFICATE-----`;

async function reading(text: string) {
  const r = await checkCertificate({ fileName: 'mine.cer', bytes: new TextEncoder().encode(text), channel: 'FTP', trustStore: pki.trustStore, now: NOW });
  assert.ok(r.ok, JSON.stringify(r));
  return r.reading;
}

describe('issue 12 leftover: text after the PEM block', () => {
  it('is accepted with a note naming what was ignored', async () => {
    const r = await reading(`${pemOf(leaf.der)}\nfoo`);
    assert.deepEqual(r.notes, ['textAfter']);
    assert.equal(r.ignoredText, 'foo');
    const crlf = await reading(`${pemOf(leaf.der, '\r\n')}\r\nExported by Tool 2.1\r\nsecond line\r\n`);
    assert.deepEqual(crlf.notes, ['textAfter']);
    assert.equal(crlf.ignoredText, 'Exported by Tool 2.1…');
  });

  it('honest shapes stay silent: nothing, blank lines, CRLF, NUL padding; text before the block (Bag Attributes) too', async () => {
    for (const tail of ['', '\n', '\r\n\r\n', '\n\n  \t\n', '\n\u0000\u0000\u0000']) {
      const r = await reading(`${pemOf(leaf.der, tail.includes('\r') ? '\r\n' : '\n')}${tail}`);
      assert.deepEqual(r.notes, [], JSON.stringify(tail));
      assert.equal(r.ignoredText, undefined);
    }
    const bag = `Bag Attributes\n    localKeyID: 01 02 03\n    friendlyName: Jean Dupont\nsubject=CN = Jean Dupont\nissuer=CN = eID\n${pemOf(leaf.der)}\n`;
    assert.deepEqual((await reading(bag)).notes, []);
  });

  it('a second certificate block is still a chain (multiple), not ignored text', async () => {
    const r = await checkCertificate({ fileName: 'chain.cer', bytes: new TextEncoder().encode(`${pemOf(leaf.der)}\n${pemOf(pki.eid.der)}\n`), channel: 'FTP', trustStore: pki.trustStore, now: NOW });
    assert.deepEqual(r.ok ? 'accepted' : { code: r.code, params: r.params }, { code: 'cert.unreadable', params: { reason: 'multiple', found: 2 } });
  });

  it('the excerpt is the first line, control characters visible, cut with « … »', () => {
    assert.equal(ignoredTextExcerpt('  \n\n'), undefined);
    assert.equal(ignoredTextExcerpt('\u0000\u0000'), undefined);
    assert.equal(ignoredTextExcerpt('\nfoo\n'), 'foo');
    assert.equal(ignoredTextExcerpt('a\u0007b'), 'a\ufffdb');
    assert.equal(ignoredTextExcerpt('x'.repeat(100)), `${'x'.repeat(IGNORED_TEXT_SHOWN)}…`);
    assert.equal(ignoredTextExcerpt('x'.repeat(IGNORED_TEXT_SHOWN)), 'x'.repeat(IGNORED_TEXT_SHOWN));
  });
});
