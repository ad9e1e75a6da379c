/**
 * SPEC §3 — REST account Client ID: `self_service_chaman_<sender number>_<10 random [a-z0-9]>`,
 * unique and immutable, later used as the OAuth client id (SPEC §7: `iss` = `sub` = Client ID).
 *
 * Randomness comes from node:crypto `randomInt`, which is a CSPRNG with rejection sampling
 * (each of the 36 symbols equally likely, no modulo bias): 36^10 ≈ 3.7e15 suffixes per sender.
 * Uniqueness is still enforced by the database (unique index); on the astronomically rare
 * collision the app retries. Server-only (node:crypto).
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const CLIENT_ID_PREFIX = 'self_service_chaman_';
export const CLIENT_ID_PATTERN = /^self_service_chaman_([0-9]{6})_([a-z0-9]{10})$/;

/**
 * @param senderNumber the 6-digit sender number (SPEC §1)
 * @throws RangeError when senderNumber is not 6 digits (a programming error)
 */
export function generateClientId(senderNumber: string): string {
  if (!/^[0-9]{6}$/.test(senderNumber)) {
    throw new RangeError(`generateClientId: sender number must be 6 digits, got "${senderNumber}"`);
  }
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += ALPHABET.charAt(randomInt(ALPHABET.length));
  return `${CLIENT_ID_PREFIX}${senderNumber}_${suffix}`;
}

/** True for a well-formed Client ID; with `senderNumber`, also checks it belongs to that sender. */
export function isClientId(value: string, senderNumber?: string): boolean {
  const m = CLIENT_ID_PATTERN.exec(value);
  return m !== null && (senderNumber === undefined || m[1] === senderNumber);
}
