import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCertificateNotOnAccount } from './certificate-duplicate';
import { formatRuleMessage } from './messages';

const A = 'AB:'.repeat(31) + 'AB';
const B = 'CD:'.repeat(31) + 'CD';

test('a certificate not yet on the account is accepted (also on an empty account)', () => {
  assert.deepEqual(checkCertificateNotOnAccount(A, []), { ok: true });
  assert.deepEqual(checkCertificateNotOnAccount(A, [{ sha256Fingerprint: B, name: 'other' }]), { ok: true });
});

test('the same SHA-256 is refused, naming the certificate already there', () => {
  const r = checkCertificateNotOnAccount(A, [{ sha256Fingerprint: B, name: 'other' }, { sha256Fingerprint: A, name: 'Prod 2026' }]);
  assert.deepEqual(r, { ok: false, code: 'cert.duplicate', params: { name: 'Prod 2026', fingerprint: A } });
});

test('fingerprints compare whatever their case and separators', () => {
  const r = checkCertificateNotOnAccount(A.toLowerCase().replaceAll(':', ''), [{ sha256Fingerprint: A, name: 'x' }]);
  assert.equal(r.ok, false);
});

test('a certificate whose name is unknown (a race the unique index decided) is not named', () => {
  const r = checkCertificateNotOnAccount(A, [{ sha256Fingerprint: A, name: null }]);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.params.name, 'none');
  for (const locale of ['fr', 'nl', 'en', 'de'] as const) {
    const text = formatRuleMessage(r.code, r.params, locale);
    assert.doesNotMatch(text, /none/, locale);
    assert.ok(text.length > 20, locale);
  }
});

test('the message names the existing certificate in the four languages', () => {
  const r = checkCertificateNotOnAccount(A, [{ sha256Fingerprint: A, name: 'Prod 2026' }]);
  assert.equal(r.ok, false);
  if (r.ok) return;
  for (const locale of ['fr', 'nl', 'en', 'de'] as const) assert.match(formatRuleMessage(r.code, r.params, locale), /Prod 2026/, locale);
});
