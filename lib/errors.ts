// Typed error codes of the application (other than the credential rule codes of lib/rules/result.ts).
// The UI translates them from messages/<locale>/errors.json: a code "account.single-type-exists"
// is the message errors.account.single-type-exists.

export const appErrorCodes = [
  "auth.required",
  "access.denied",
  // SPEC §3 accounts and certificates (issue 4)
  "account.certificate-add-rest-only",
  "account.certificates-delegated",
  "account.last-certificate",
  "account.permissions-required",
  "account.single-type-exists",
  // Issue 5 — Gestion des accès (SPEC §1, seed 003 §5)
  "access.already-granted",
  "access.quality-already-active",
  "access.role-already-assigned",
  "access.user-unknown",
  // Issue 19 — removing a co-manager
  "access.confirm-self-removal",
  "access.last-manager",
  // Issue 5 — delegation to a technical intermediary (SPEC §5)
  "delegation.account-already-delegated",
  "delegation.already-pending",
  "delegation.enterprise-unknown",
  "delegation.not-an-intermediary",
  "delegation.resend-blocked",
  "delegation.self",
  "delegation.state-changed",
  "not-found",
  "input.invalid",
  "input.required",
  "input.too-long",
  "conflict.retry",
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];
export type ErrorParams = Record<string, string | number>;
