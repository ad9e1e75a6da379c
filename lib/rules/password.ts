/**
 * SPEC §4.2 — FTP password. The FAQ (seed 002) wins over the guide's "max 10":
 * 1 to 15 characters; letters, digits and the listed specials only; at least two
 * characters that are not letters. Case-sensitive. Reported in that order.
 *
 * Params never contain the password itself; `password.charset` names only the refused
 * characters (the user needs to know which one to remove).
 */
import { describeChars, fail, type RuleResult } from './result';

export const PASSWORD_MIN_LENGTH = 1;
export const PASSWORD_MAX_LENGTH = 15;
/** Exactly the specials of SPEC §4.2 / FAQ, in the FAQ's order. */
export const PASSWORD_SPECIALS = [',', ';', ':', '=', '?', '.', '/', '+', '*', '$', '%', '>', '<', '&', '@', '#', '(', '!', '{', '}', ')', '-', '_'] as const;
export const PASSWORD_MIN_NON_LETTERS = 2;

const SPECIAL_SET: ReadonlySet<string> = new Set(PASSWORD_SPECIALS);
const LETTER = /^[A-Za-z]$/;
const DIGIT = /^[0-9]$/;

function isAllowedChar(ch: string): boolean {
  return LETTER.test(ch) || DIGIT.test(ch) || SPECIAL_SET.has(ch);
}

/** Per-rule state, for a live checklist next to the password field. */
export interface PasswordChecklist {
  /** 1 to 15 characters. */
  length: boolean;
  /** Only letters, digits and the allowed specials (true for an empty password). */
  charset: boolean;
  /** At least two allowed non-letters (digits or specials). */
  nonLetters: boolean;
  /** Number of characters (Unicode code points). */
  count: number;
  /** Number of allowed non-letters. */
  nonLetterCount: number;
  /** All rules pass. */
  ok: boolean;
}

export function passwordChecklist(password: string): PasswordChecklist {
  const chars = [...password];
  const count = chars.length;
  const nonLetterCount = chars.filter((ch) => DIGIT.test(ch) || SPECIAL_SET.has(ch)).length;
  const length = count >= PASSWORD_MIN_LENGTH && count <= PASSWORD_MAX_LENGTH;
  const charset = chars.every(isAllowedChar);
  const nonLetters = nonLetterCount >= PASSWORD_MIN_NON_LETTERS;
  return { length, charset, nonLetters, count, nonLetterCount, ok: length && charset && nonLetters };
}

export function checkPassword(password: string): RuleResult {
  const list = passwordChecklist(password);
  if (!list.length) {
    return fail('password.length', { found: list.count, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  }
  if (!list.charset) {
    const forbidden = [...password].filter((ch) => !isAllowedChar(ch));
    return fail('password.charset', { found: describeChars(forbidden), allowed: PASSWORD_SPECIALS.join(' ') });
  }
  if (!list.nonLetters) {
    return fail('password.non-letters', { found: list.nonLetterCount, min: PASSWORD_MIN_NON_LETTERS });
  }
  return { ok: true };
}
