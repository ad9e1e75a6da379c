import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPhone, listCallingCodes, normalizeCallingCode } from './phone';

describe('SPEC §2 contact phone number', () => {
  it('+32 0486531619 is a valid Belgian mobile number', () => {
    assert.deepEqual(checkPhone({ callingCode: '+32', number: '0486531619' }), {
      ok: true,
      e164: '+32486531619',
      international: '+32 486 53 16 19',
      callingCode: '+32',
      country: 'BE',
    });
  });

  it('accepts usual spellings of the same number', () => {
    for (const number of ['0486 53 16 19', '486531619', '0486/53.16.19', '+32 486 53 16 19', '0032486531619']) {
      const r = checkPhone({ callingCode: '32', number });
      assert.ok(r.ok && r.e164 === '+32486531619', number);
    }
    const fixed = checkPhone({ callingCode: '+32', number: '02 555 12 34' });
    assert.ok(fixed.ok && fixed.e164 === '+3225551234');
  });

  it('validates for the chosen calling code', () => {
    const fr = checkPhone({ callingCode: '+33', number: '06 12 34 56 78' });
    assert.ok(fr.ok && fr.e164 === '+33612345678');
    // A Belgian mobile number is not a North American number.
    assert.equal(checkPhone({ callingCode: '+1', number: '0486531619' }).ok, false);
  });

  it('phone.invalid: garbage, too short, text around digits', () => {
    for (const number of ['', 'abc', '123', '0486', '04865316199999', 'call 0486531619', '0486531619 x']) {
      const r = checkPhone({ callingCode: '+32', number });
      assert.ok(!r.ok && r.code === 'phone.invalid', number);
    }
    assert.deepEqual(checkPhone({ callingCode: '+32', number: '123' }), { ok: false, code: 'phone.invalid', params: { found: '123', callingCode: '+32' } });
  });

  it('phone.country-code: unknown code, or a number typed with another code', () => {
    assert.deepEqual(checkPhone({ callingCode: '+999', number: '0486531619' }), { ok: false, code: 'phone.country-code', params: { reason: 'unknown', found: '+999' } });
    assert.deepEqual(checkPhone({ callingCode: '+32', number: '+33 6 12 34 56 78' }), {
      ok: false,
      code: 'phone.country-code',
      params: { reason: 'mismatch', found: '+33', expected: '+32' },
    });
    assert.equal(normalizeCallingCode('abc'), undefined);
    assert.equal(normalizeCallingCode(' 0032 '), '32');
    assert.ok(listCallingCodes().includes('+32') && listCallingCodes()[0] === '+1');
  });
});
