import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNiss, formatNiss, makeNiss } from './niss';

describe('SPEC §1 NISS', () => {
  it('born before 2000: CC = 97 − (YYMMDDsss mod 97)', () => {
    // 850730033 mod 97 = 69 → 97 − 69 = 28
    assert.equal(850730033 % 97, 69);
    assert.deepEqual(checkNiss('85.07.30-033.28'), { ok: true, value: '85073003328', formatted: '85.07.30-033.28', bornAfter2000: false });
    assert.ok(checkNiss('85073003328').ok);
  });

  it('born in 2000 or later: a 2 is put in front of the 9 digits', () => {
    // 2010203004 mod 97 = 30 → 97 − 30 = 67
    assert.equal(2010203004 % 97, 30);
    assert.deepEqual(checkNiss('01.02.03-004.67'), { ok: true, value: '01020300467', formatted: '01.02.03-004.67', bornAfter2000: true });
    // Same 9 digits with the pre-2000 formula: 010203004 mod 97 = 59 → 38, a person born in 1901.
    assert.equal(10203004 % 97, 59);
    assert.deepEqual(checkNiss('01020300438'), { ok: true, value: '01020300438', formatted: '01.02.03-004.38', bornAfter2000: false });
    assert.equal(checkNiss('01020300447').ok, false);
  });

  it('niss.checksum: wrong check digits', () => {
    assert.deepEqual(checkNiss('85.07.30-033.29'), { ok: false, code: 'niss.checksum', params: { found: '85.07.30-033.29' } });
    assert.equal(checkNiss('85073003382').ok, false);
  });

  it('niss.format: not 11 digits', () => {
    for (const input of ['', '8507300332', '850730033281', '85.07.30-033.2X', 'abcdefghijk']) {
      const r = checkNiss(input);
      assert.ok(!r.ok && r.code === 'niss.format', input);
    }
    assert.deepEqual(checkNiss('123'), { ok: false, code: 'niss.format', params: { found: '123', example: '85.07.30-033.28' } });
  });

  it('makeNiss builds valid numbers for both centuries; formatNiss', () => {
    assert.equal(makeNiss('850730', 33, false), '85073003328');
    assert.equal(makeNiss('010203', '004', true), '01020300467');
    assert.equal(makeNiss('010203', 4, false), '01020300438');
    assert.equal(formatNiss('85073003328'), '85.07.30-033.28');
    assert.equal(formatNiss('oops'), 'oops');
    assert.throws(() => makeNiss('8507', 1, false), RangeError);
    assert.throws(() => makeNiss('850730', 1000, false), RangeError);
    for (let seq = 1; seq < 999; seq += 7) {
      for (const after of [false, true]) {
        const r = checkNiss(makeNiss('991231', seq, after));
        assert.ok(r.ok && r.bornAfter2000 === after, `${seq} ${after}`);
      }
    }
  });
});
