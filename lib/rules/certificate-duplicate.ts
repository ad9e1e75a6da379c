/**
 * SPEC §3, §4.4 (issue 13): the same certificate — the same DER bytes, hence the same SHA-256
 * fingerprint (RFC 5280 §4.1, fingerprint over the whole certificate) — is on an account at most
 * once. A second copy adds nothing (same key, same expiry) and only makes « Supprimer » ambiguous.
 * Pure: the caller passes the certificates already on the account, read under the account's lock;
 * the database's unique index (certificates_account_fingerprint_uq) remains the guarantee.
 */
import { fail, type RuleResult } from './result';

/** A certificate already on the account, as the rule needs it. */
export interface CertificateOnAccount {
  /** "AB:CD:…" (upper-case hex pairs), as lib/rules/certificate.ts computes it. */
  sha256Fingerprint: string;
  /** Its name, or null when unknown to the caller — then the message names no certificate. */
  name: string | null;
}

/** Compares fingerprints whatever their case or separators ("ab:cd…" = "ABCD…"). */
function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/**
 * Refuses `cert.duplicate` when a certificate with the same SHA-256 fingerprint is already on the
 * account; params: `name` (the existing certificate's name, or "none" when unknown),
 * `fingerprint` (the new certificate's fingerprint).
 */
export function checkCertificateNotOnAccount(sha256Fingerprint: string, onAccount: readonly CertificateOnAccount[]): RuleResult {
  const wanted = normalizeFingerprint(sha256Fingerprint);
  const same = onAccount.find((c) => normalizeFingerprint(c.sha256Fingerprint) === wanted);
  if (!same) return { ok: true };
  return fail('cert.duplicate', { name: same.name ?? 'none', fingerprint: sha256Fingerprint });
}
