/**
 * SPEC §1 — enterprise number (BCE/KBO): 10 digits, first digit 0 or 1, valid when
 * check = 97 − (first 8 digits mod 97) equals the last 2 digits. Displayed `0123.456.749`.
 *
 * Input may carry the usual separators (`0123.456.749`, `0123 456 749`, `0123-456-749`)
 * and the VAT-number form `BE0123456749`; the stored value is the 10 bare digits.
 */
import { fail, type RuleResult } from './result';

const SEPARATORS = /[\s.\-/]/g;

/** Strips separators and an optional `BE` prefix; does not validate. */
export function normalizeEnterpriseNumber(input: string): string {
  return input.trim().replace(/^BE/i, '').replace(SEPARATORS, '');
}

/** SPEC §1: 97 − (first8 mod 97), always two digits (01…97). */
function checkDigits(first8: string): string {
  return String(97 - (Number(first8) % 97)).padStart(2, '0');
}

export function checkEnterpriseNumber(input: string): RuleResult<{ value: string; formatted: string }> {
  const value = normalizeEnterpriseNumber(input);
  if (!/^[01][0-9]{9}$/.test(value)) {
    return fail('bce.format', { found: input.trim(), example: '0123.456.749' });
  }
  if (checkDigits(value.slice(0, 8)) !== value.slice(8)) {
    return fail('bce.checksum', { found: formatEnterpriseNumber(value) });
  }
  return { ok: true, value, formatted: formatEnterpriseNumber(value) };
}

/** `0123456749` (or any separated form) → `0123.456.749`; other input is returned trimmed. */
export function formatEnterpriseNumber(input: string): string {
  const value = normalizeEnterpriseNumber(input);
  if (!/^[0-9]{10}$/.test(value)) return input.trim();
  return `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7)}`;
}

/**
 * Completes 8 digits (first digit 0 or 1) with their check digits — for seeds and fixtures.
 * @throws RangeError when `first8` is not 8 digits starting with 0 or 1 (a programming error).
 */
export function makeEnterpriseNumber(first8: string): string {
  if (!/^[01][0-9]{7}$/.test(first8)) {
    throw new RangeError(`makeEnterpriseNumber: expected 8 digits starting with 0 or 1, got "${first8}"`);
  }
  return first8 + checkDigits(first8);
}
