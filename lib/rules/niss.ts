/**
 * SPEC §1 — NISS (national register number) `YYMMDDsssCC`:
 * CC = 97 − (first 9 digits mod 97); for people born in 2000 or later the digit `2` is put
 * in front of the 9 digits first. Both variants are tried; the one that matches tells the century.
 *
 * The birth date is deliberately not validated: bis numbers add 20/40 to the month and
 * people with an unknown birth date have 00 parts, all valid NISS. Only format and
 * checksum are rules (SPEC §1).
 */
import { fail, type RuleResult } from './result';

const SEPARATORS = /[\s.\-/]/g;

export function normalizeNiss(input: string): string {
  return input.trim().replace(SEPARATORS, '');
}

function checksum(first9: string, bornAfter2000: boolean): string {
  // 2 000 000 000 + 999 999 999 < 2^53: plain numbers are exact here.
  const n = Number(first9) + (bornAfter2000 ? 2_000_000_000 : 0);
  return String(97 - (n % 97)).padStart(2, '0');
}

export function checkNiss(input: string): RuleResult<{ value: string; formatted: string; bornAfter2000: boolean }> {
  const value = normalizeNiss(input);
  if (!/^[0-9]{11}$/.test(value)) {
    return fail('niss.format', { found: input.trim(), example: '85.07.30-033.28' });
  }
  const first9 = value.slice(0, 9);
  const cc = value.slice(9);
  // 2 000 000 000 mod 97 = 68 ≠ 0, so at most one variant can match.
  const bornAfter2000 = checksum(first9, true) === cc;
  if (!bornAfter2000 && checksum(first9, false) !== cc) {
    return fail('niss.checksum', { found: formatNiss(value) });
  }
  return { ok: true, value, formatted: formatNiss(value), bornAfter2000 };
}

/** `85073003328` (or separated) → `85.07.30-033.28`; other input is returned trimmed. */
export function formatNiss(input: string): string {
  const v = normalizeNiss(input);
  if (!/^[0-9]{11}$/.test(v)) return input.trim();
  return `${v.slice(0, 2)}.${v.slice(2, 4)}.${v.slice(4, 6)}-${v.slice(6, 9)}.${v.slice(9)}`;
}

/**
 * Builds a valid NISS — for seeds and fixtures.
 * @param yymmdd birth date digits, e.g. `850730`
 * @param seq daily sequence 0…999 (odd for men, even for women), e.g. 33 or `"033"`
 * @param bornAfter2000 use the 2000+ checksum variant
 * @throws RangeError on malformed arguments (a programming error)
 */
export function makeNiss(yymmdd: string, seq: number | string, bornAfter2000: boolean): string {
  if (!/^[0-9]{6}$/.test(yymmdd)) throw new RangeError(`makeNiss: yymmdd must be 6 digits, got "${yymmdd}"`);
  const s = typeof seq === 'number' ? String(seq).padStart(3, '0') : seq;
  if (!/^[0-9]{3}$/.test(s)) throw new RangeError(`makeNiss: seq must be 0…999, got "${String(seq)}"`);
  const first9 = yymmdd + s;
  return first9 + checksum(first9, bornAfter2000);
}
