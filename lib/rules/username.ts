/**
 * SPEC §4.1 — technical username of FTP and SFTP accounts.
 *
 * The FAQ (seed 002) wins over the 2024 guide's "max 10": 8 to 17 characters, EXP prefix
 * included (seed 001 §4.1 "begint met EXP"). Rules are reported in the SPEC's order:
 * prefix, then charset, then length — so "exp1" says "must start with EXP" first.
 * Uniqueness (`username.taken`) needs the database; the app compares `normalizeUsername()`
 * values because the login is case-insensitive on the shared transfer server.
 */
import { describeChars, fail, type RuleFailure, type RuleResult } from './result';

export const USERNAME_PREFIX = 'EXP';
export const USERNAME_MIN_LENGTH = 8;
export const USERNAME_MAX_LENGTH = 17;

const ALLOWED_CHAR = /^[A-Za-z0-9]$/;

export function checkUsername(value: string): RuleResult<{ value: string; normalized: string }> {
  // SPEC §4.1: the prefix is the upper-case "EXP" exactly as in seed 001.
  if (!value.startsWith(USERNAME_PREFIX)) {
    return fail('username.prefix', { found: [...value].slice(0, 3).join(''), expected: USERNAME_PREFIX });
  }
  const chars = [...value];
  const forbidden = chars.filter((ch) => !ALLOWED_CHAR.test(ch));
  if (forbidden.length > 0) {
    return fail('username.charset', { found: describeChars(forbidden), allowed: 'A-Z a-z 0-9' });
  }
  if (chars.length < USERNAME_MIN_LENGTH || chars.length > USERNAME_MAX_LENGTH) {
    return fail('username.length', { found: chars.length, min: USERNAME_MIN_LENGTH, max: USERNAME_MAX_LENGTH });
  }
  return { ok: true, value, normalized: normalizeUsername(value) };
}

/** Key for uniqueness across all senders (SPEC §4.1: compared case-insensitively). */
export function normalizeUsername(value: string): string {
  return value.trim().toUpperCase();
}

/** The failure the app returns when `normalizeUsername(value)` already exists (SPEC §4.1). */
export function usernameTaken(value: string): RuleFailure {
  return fail('username.taken', { found: value });
}
