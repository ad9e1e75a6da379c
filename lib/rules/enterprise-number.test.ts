import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEnterpriseNumber, formatEnterpriseNumber, makeEnterpriseNumber } from './enterprise-number';

describe('SPEC §1 enterprise number (BCE/KBO)', () => {
  it('accepts 0123.456.749: 97 − (01234567 mod 97 = 48) = 49', () => {
    assert.equal(1234567 % 97, 48);
    assert.deepEqual(checkEnterpriseNumber('0123.456.749'), { ok: true, value: '0123456749', formatted: '0123.456.749' });
  });

  it('accepts 0403.170.701: 97 − (04031707 mod 97 = 96) = 01', () => {
    assert.equal(4031707 % 97, 96);
    assert.ok(checkEnterpriseNumber('0403.170.701').ok);
  });

  it('accepts separators, spaces and the BE VAT prefix', () => {
    for (const input of ['0123456749', ' 0123 456 749 ', '0123-456-749', 'BE0123456749', 'be 0123.456.749']) {
      const r = checkEnterpriseNumber(input);
      assert.ok(r.ok && r.value === '0123456749', input);
    }
  });

  it('bce.checksum: wrong check digits', () => {
    assert.deepEqual(checkEnterpriseNumber('0123.456.748'), { ok: false, code: 'bce.checksum', params: { found: '0123.456.748' } });
    assert.equal(checkEnterpriseNumber('0123.456.794').ok, false); // transposed digits
  });

  it('bce.format: wrong length, letters, first digit other than 0 or 1', () => {
    assert.deepEqual(checkEnterpriseNumber('2123.456.749'), { ok: false, code: 'bce.format', params: { found: '2123.456.749', example: '0123.456.749' } });
    for (const input of ['', '123456749', '01234567490', '0123.456.74A', '9999999999']) {
      const r = checkEnterpriseNumber(input);
      assert.ok(!r.ok && r.code === 'bce.format', input);
    }
  });

  it('first digit 1 is valid (new numbers)', () => {
    const n = makeEnterpriseNumber('10000000');
    assert.equal(n, `10000000${String(97 - (10000000 % 97)).padStart(2, '0')}`);
    assert.ok(checkEnterpriseNumber(n).ok);
  });

  it('makeEnterpriseNumber and formatEnterpriseNumber', () => {
    assert.equal(makeEnterpriseNumber('01234567'), '0123456749');
    assert.equal(makeEnterpriseNumber('04031707'), '0403170701');
    assert.equal(formatEnterpriseNumber('0123456749'), '0123.456.749');
    assert.equal(formatEnterpriseNumber('BE 0123 456 749'), '0123.456.749');
    assert.equal(formatEnterpriseNumber(' abc '), 'abc');
    assert.throws(() => makeEnterpriseNumber('2123456'), RangeError);
    assert.throws(() => makeEnterpriseNumber('21234567'), RangeError);
    for (let i = 0; i < 200; i++) {
      const first8 = `0${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      assert.ok(checkEnterpriseNumber(makeEnterpriseNumber(first8)).ok, first8);
    }
  });
});
