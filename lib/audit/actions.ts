// Issue 13: every action code the journal may hold, in one list. `recordEvent` takes an `AuditAction`,
// so a writer cannot invent a code the journal cannot read: TypeScript refuses it, and
// lib/audit/actions.test.ts fails when a code lacks a sentence in one of the four languages or a kind
// in the journal's action filter. Pure (no server-only): the tests and the renderer import it.

/** Action codes grouped by the capability that writes them. */
export const AUDIT_ACTIONS = [
  // lib/channels (SPEC §3, §4)
  "account.create", "account.rename", "account.permissions", "account.credentials", "account.delete",
  "certificate.add", "certificate.replace", "certificate.delete",
  // lib/delegation/decisions.ts: the intermediary's certificates removed when a delegation ends (issue 19)
  "certificate.remove-delegated",
  // lib/contact (SPEC §2)
  "contact.create", "contact.update",
  // lib/access (SPEC §1)
  "quality.activate", "role.assign", "role.remove", "chaman-right.grant", "chaman-right.revoke", "membership.end",
  // lib/delegation (SPEC §5)
  "delegation.request", "delegation.resend", "delegation.accept", "delegation.refuse", "delegation.end", "delegation.withdraw",
  // lib/auth; auth.session-revoked is written by the database trigger of migration 0006
  "auth.sign-in", "auth.sign-in-failed", "auth.sign-in-throttled", "auth.locked-out",
  "auth.sign-out", "auth.session-expired", "auth.session-closed", "auth.session-revoked",
  // lib/notify
  "mail.failed", "mail.abandoned",
  // lib/oauth (SPEC §7)
  "oauth.token-issued", "oauth.token-refused", "oauth.introspection-refused",
  // lib/transfer (SPEC §6): FTP/SFTP sessions, files and declarations
  "transfer.login", "transfer.login-failed", "transfer.login-throttled", "transfer.locked-out",
  "transfer.upload", "transfer.delete", "transfer.go-duplicate", "transfer.declaration-accepted", "transfer.declaration-refused",
  "transfer.go-refused", "transfer.expired",
  // lib/admin and the admin area (issue 17): platform administration, not tied to an enterprise
  "admin.grant", "admin.revoke", "admin.clock", "admin.reset",
  "admin.catalogue.add", "admin.catalogue.rename", "admin.catalogue.retire", "admin.catalogue.application-code", "admin.catalogue.scopes",
  "admin.trust.add", "admin.trust.retire",
] as const;

/** One journal action code (`audit_events.action`). */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Whether a stored code is one of ours (older or foreign rows may hold others; they read as « unknown »). */
export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}
