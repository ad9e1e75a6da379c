import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD_SPECIALS, checkPassword, passwordChecklist } from './password';

function code(pw: string): string {
  const r = checkPassword(pw);
  return r.ok ? 'ok' : r.code;
}

describe('SPEC §4.2 FTP password', () => {
  it('password.length: 1 to 15 characters', () => {
    assert.deepEqual(checkPassword(''), { ok: false, code: 'password.length', params: { found: 0, min: 1, max: 15 } });
    assert.equal(code('ab1+cdefghijklm'), 'ok'); // 15
    assert.deepEqual(checkPassword('ab1+cdefghijklmn'), { ok: false, code: 'password.length', params: { found: 16, min: 1, max: 15 } });
    assert.equal(code('12'), 'ok'); // 2 characters, both non-letters
  });

  it('a single character can only fail the non-letter rule', () => {
    assert.equal(code('a'), 'password.non-letters');
    assert.equal(code('1'), 'password.non-letters');
  });

  it('password.charset: every listed special is accepted, nothing else', () => {
    for (const special of PASSWORD_SPECIALS) assert.equal(code(`Ab1${special}`), 'ok', special);
    for (const bad of ["'", '\\', '[', ']', 'é', ' ', '"', '~', '^', '|', '`', '€', '§', '\t']) {
      assert.equal(code(`Ab12${bad}`), 'password.charset', JSON.stringify(bad));
    }
    const r = checkPassword("ab'1 2[");
    assert.ok(!r.ok);
    assert.deepEqual(r.params, { found: "' ␣ [", allowed: ', ; : = ? . / + * $ % > < & @ # ( ! { } ) - _' });
  });

  it('password.non-letters: exactly 1 refused, exactly 2 accepted (digits or specials)', () => {
    assert.deepEqual(checkPassword('abcdef1'), { ok: false, code: 'password.non-letters', params: { found: 1, min: 2 } });
    assert.deepEqual(checkPassword('abcdefgh'), { ok: false, code: 'password.non-letters', params: { found: 0, min: 2 } });
    assert.equal(code('abcdef12'), 'ok');
    assert.equal(code('abcdef1!'), 'ok');
    assert.equal(code('abcdef#!'), 'ok');
  });

  it('is case-sensitive (no normalisation) and reports in SPEC order', () => {
    assert.equal(code('ABCdef12'), 'ok');
    assert.equal(code('é'.repeat(16)), 'password.length');
    assert.equal(code('é1'), 'password.charset');
  });

  it('passwordChecklist gives live per-rule state', () => {
    assert.deepEqual(passwordChecklist(''), { length: false, charset: true, nonLetters: false, count: 0, nonLetterCount: 0, ok: false });
    assert.deepEqual(passwordChecklist('abc1'), { length: true, charset: true, nonLetters: false, count: 4, nonLetterCount: 1, ok: false });
    assert.deepEqual(passwordChecklist('abc1!'), { length: true, charset: true, nonLetters: true, count: 5, nonLetterCount: 2, ok: true });
    assert.deepEqual(passwordChecklist('abc 1!'), { length: true, charset: false, nonLetters: true, count: 6, nonLetterCount: 2, ok: false });
  });
});
