// Attempt throttling policy (issue 6, made atomic and generic in issue 19), in the spirit of SFTPGo's
// defender: how many credential checks one subject (a username, an OAuth client id…) and one client
// address may have verified within a sliding window. Pure and framework-free, unit-tested.

/** Where a secret is checked. Each scope has its own budget, so FTP guessing cannot lock web sign-in. */
export type ThrottleScope = "sign-in" | "oauth-token" | "ftp" | "sftp";

export const throttleScopes: readonly ThrottleScope[] = ["sign-in", "oauth-token", "ftp", "sftp"];

export interface ThrottlePolicy {
  /** Attempts (failed or still being verified) for one subject within the window before it is locked. */
  perSubject: number;
  /** Attempts (failed or still being verified) from one client address within the window before it is locked. */
  perAddress: number;
  /** Length of the sliding window, in minutes. */
  windowMinutes: number;
  /**
   * Whether attempts still being verified count against the subject's budget. True for secrets that can be
   * guessed (passwords): parallel guesses must not all be verified. False where the secret is a private-key
   * signature, which cannot be brute-forced: a client's parallel valid requests must not lock it out.
   */
  subjectCountsPending: boolean;
}

const standard: ThrottlePolicy = { perSubject: 5, perAddress: 20, windowMinutes: 15, subjectCountsPending: true };

/**
 * One policy per scope (SPEC §security: 5 per username, 20 per address, 15 min). For "oauth-token" the subject
 * (Client ID) counts only settled failures of assertions whose signature verified with the account's key —
 * the key holder's own mistakes (lib/oauth/client-authentication.ts) — so that neither parallel valid requests
 * nor forged assertions sent by someone who merely knows the Client ID can lock the client out; unverified
 * junk counts against the sending address only. For "sftp" the credential is likewise a private-key signature
 * (checked by ssh2 before the attempt is counted): a sender's parallel sessions must not lock it out, so only
 * settled failures count for the username (lib/transfer/sftp-server.ts).
 */
export const throttlePolicies: Readonly<Record<ThrottleScope, ThrottlePolicy>> = {
  "sign-in": standard,
  "oauth-token": { ...standard, subjectCountsPending: false },
  ftp: standard,
  sftp: { ...standard, subjectCountsPending: false },
};

/**
 * Attempts that still count against a budget: those not yet settled (being verified right now) and the
 * failed ones. For the subject, failures before its last success are forgiven; for the address, never.
 */
export interface CountedAttempts {
  subject: number;
  address: number;
}

export type ThrottleVerdict = { locked: false } | { locked: true; reason: "subject" | "address" };

/** Whether one more attempt may be verified, given the attempts already counted (before this one). */
export function throttleVerdict(counted: CountedAttempts, policy: ThrottlePolicy): ThrottleVerdict {
  if (counted.subject >= policy.perSubject) return { locked: true, reason: "subject" };
  if (counted.address >= policy.perAddress) return { locked: true, reason: "address" };
  return { locked: false };
}

/**
 * Which limit this settled failure reaches, if any, given the settled failures counted *including it*:
 * only the failure that makes a count equal to its limit locks, so the lock-out is journaled once.
 */
export function failureLocks(failuresWithThis: CountedAttempts, policy: ThrottlePolicy): "subject" | "address" | null {
  if (failuresWithThis.subject === policy.perSubject) return "subject";
  if (failuresWithThis.address === policy.perAddress) return "address";
  return null;
}

/**
 * Seconds until a locked budget frees one place: the window minus the age (in seconds) of the oldest of
 * the `limit` most recent counted attempts. At least 1, rounded up.
 */
export function retryAfterSeconds(oldestCountedAgeSeconds: number, policy: ThrottlePolicy): number {
  return Math.max(1, Math.ceil(policy.windowMinutes * 60 - oldestCountedAgeSeconds));
}
