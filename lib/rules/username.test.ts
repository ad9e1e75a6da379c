import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUsername, normalizeUsername, usernameTaken } from './username';

function code(value: string): string {
  const r = checkUsername(value);
  return r.ok ? 'ok' : r.code;
}

describe('SPEC §4.1 username', () => {
  it('accepts 8 and 17 characters, EXP prefix included', () => {
    assert.equal(code('EXP12345'), 'ok'); // 8
    assert.equal(code('EXPabcdefghij1234'), 'ok'); // 17
    assert.equal(code('EXPAcme2024'), 'ok');
  });

  it('username.length: 7 and 18 characters are refused', () => {
    assert.deepEqual(checkUsername('EXP1234'), { ok: false, code: 'username.length', params: { found: 7, min: 8, max: 17 } });
    assert.deepEqual(checkUsername('EXPabcdefghij12345'), { ok: false, code: 'username.length', params: { found: 18, min: 8, max: 17 } });
  });

  it('username.prefix: must start with upper-case EXP', () => {
    assert.deepEqual(checkUsername('ACME12345'), { ok: false, code: 'username.prefix', params: { found: 'ACM', expected: 'EXP' } });
    assert.equal(code('exp12345'), 'username.prefix');
    assert.equal(code('UM1234567'), 'username.prefix'); // legacy UM usernames are not created any more
    assert.equal(code(''), 'username.prefix');
    assert.equal(code(' EXP12345'), 'username.prefix');
  });

  it('username.charset: only A-Z a-z 0-9 (no space, accent, punctuation)', () => {
    for (const bad of ['EXP 12345', 'EXPé12345', 'EXP_12345', 'EXP-12345', "EXP'12345", 'EXP12345\\', 'EXP[12345', 'EXP12345\t']) {
      assert.equal(code(bad), 'username.charset', bad);
    }
    const r = checkUsername('EXP ab_c d');
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.params, { found: '␣ _', allowed: 'A-Z a-z 0-9' });
  });

  it('reports in SPEC order: prefix, then charset, then length', () => {
    assert.equal(code('exp é'), 'username.prefix');
    assert.equal(code('EXPé'), 'username.charset'); // too short as well, charset first
    assert.equal(code('EXP1'), 'username.length');
  });

  it('normalizeUsername makes uniqueness case-insensitive', () => {
    assert.equal(normalizeUsername('EXPacme2024'), 'EXPACME2024');
    assert.equal(normalizeUsername('EXPAcme2024'), normalizeUsername('EXPACME2024'));
    const r = checkUsername('EXPacme2024');
    assert.ok(r.ok && r.normalized === 'EXPACME2024');
    assert.deepEqual(usernameTaken('EXPacme2024'), { ok: false, code: 'username.taken', params: { found: 'EXPacme2024' } });
  });
});
