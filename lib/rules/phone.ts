/**
 * SPEC §2 — contact phone number: a real number for the chosen country calling code
 * (*Indicatif*, default +32). Uses libphonenumber-js with the "max" metadata, which checks
 * the national numbering plan precisely (the default "min" metadata only checks lengths).
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fail, type RuleResult } from './result';

export const DEFAULT_CALLING_CODE = '+32';

let knownCodes: ReadonlySet<string> | undefined;
function callingCodes(): ReadonlySet<string> {
  knownCodes ??= new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
  return knownCodes;
}

/** `+32`, `32`, `0032`, ` + 32 ` → `32`; returns undefined when it is not a known calling code. */
export function normalizeCallingCode(input: string): string | undefined {
  const digits = input.replace(/\s/g, '').replace(/^(\+|00)/, '');
  return /^[0-9]{1,3}$/.test(digits) && callingCodes().has(digits) ? digits : undefined;
}

/** Sorted list of known calling codes (`+1`, `+7`, `+20`, …) for the *Indicatif* select. */
export function listCallingCodes(): string[] {
  return [...callingCodes()].sort((a, b) => Number(a) - Number(b)).map((c) => `+${c}`);
}

// Digits and the usual visual separators only: parsePhoneNumberFromString would otherwise
// extract a number out of free text ("call 0486… now").
const PHONE_CHARS = /^\+?[0-9 ().\-/]+$/;

export function checkPhone(input: {
  callingCode: string;
  number: string;
}): RuleResult<{ e164: string; international: string; callingCode: string; country?: string }> {
  const code = normalizeCallingCode(input.callingCode);
  if (code === undefined) {
    return fail('phone.country-code', { reason: 'unknown', found: input.callingCode.trim() });
  }
  const expected = `+${code}`;
  const raw = input.number.trim();
  if (!PHONE_CHARS.test(raw) || !/[0-9]/.test(raw)) {
    return fail('phone.invalid', { found: raw, callingCode: expected });
  }
  // A number typed in international form must belong to the chosen calling code.
  const international = raw.startsWith('+') || raw.startsWith('00');
  const parsed = international
    ? parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw)
    : parsePhoneNumberFromString(raw, { defaultCallingCode: code });
  if (parsed && international && parsed.countryCallingCode !== code) {
    return fail('phone.country-code', { reason: 'mismatch', found: `+${parsed.countryCallingCode}`, expected });
  }
  if (!parsed || !parsed.isValid()) {
    return fail('phone.invalid', { found: raw, callingCode: expected });
  }
  return {
    ok: true,
    e164: parsed.number,
    international: parsed.formatInternational(),
    callingCode: expected,
    ...(parsed.country ? { country: parsed.country } : {}),
  };
}
