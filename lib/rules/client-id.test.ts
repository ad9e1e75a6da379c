import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLIENT_ID_PATTERN, generateClientId, isClientId } from './client-id';

describe('SPEC §3 REST Client ID', () => {
  it('has the form self_service_chaman_<sender>_<10 × [a-z0-9]>', () => {
    const id = generateClientId('123456');
    assert.match(id, /^self_service_chaman_123456_[a-z0-9]{10}$/);
    assert.ok(isClientId(id));
    assert.ok(isClientId(id, '123456'));
    assert.equal(isClientId(id, '654321'), false);
  });

  it('1000 generated ids are all unique and well-formed', () => {
    const ids = Array.from({ length: 1000 }, () => generateClientId('000042'));
    assert.equal(new Set(ids).size, 1000);
    for (const id of ids) assert.match(id, CLIENT_ID_PATTERN);
  });

  it('uses the whole alphabet without visible bias', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3600; i++) {
      for (const ch of generateClientId('000001').slice(-10)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    assert.equal(counts.size, 36);
    // 36 000 draws, expected 1000 per symbol; ±25 % is > 7 standard deviations.
    for (const [ch, n] of counts) assert.ok(n > 750 && n < 1250, `${ch}: ${n}`);
  });

  it('rejects malformed sender numbers and ids', () => {
    assert.throws(() => generateClientId('12345'), RangeError);
    assert.throws(() => generateClientId('12345a'), RangeError);
    for (const bad of ['', 'self_service_chaman_123456_ABCDEFGHIJ', 'self_service_chaman_123456_abc', 'self_service_expeditor_10', 'self_service_chaman_12345_abcdefghij']) {
      assert.equal(isClientId(bad), false, bad);
    }
  });
});
