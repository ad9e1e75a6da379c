// Issue 13: a journal event as the reader reads it — a sentence key with its values, and the
// changes as labelled before → after pairs. Pure: the page and the CSV export translate the keys.

/** Action codes with a sentence of their own (messages journal-events.sentences.*). */
export const DESCRIBED_ACTIONS = [
  "account.create", "account.rename", "account.permissions", "account.credentials", "account.delete",
  "certificate.add", "certificate.replace", "certificate.delete",
  "contact.create", "contact.update",
  "quality.activate", "role.assign", "role.remove", "chaman-right.grant", "chaman-right.revoke",
  "delegation.request", "delegation.resend", "delegation.accept", "delegation.refuse", "delegation.end", "delegation.withdraw",
  "auth.sign-in", "auth.sign-in-failed", "auth.sign-in-throttled", "auth.locked-out", "auth.sign-out", "auth.session-expired", "auth.session-closed", "auth.session-revoked",
  "mail.failed", "mail.abandoned",
  "oauth.token-issued", "oauth.token-refused", "oauth.introspection-refused",
] as const;

/** Fields shown as changes, in this order (messages journal-events.fields.*); others stay out of sight (ids, hashes of nothing). */
export const CHANGE_FIELDS = [
  "name", "type", "username", "password", "clientId", "sshFingerprint", "sshKeyBits", "permissions",
  "fileName", "serialNumber", "sha256Fingerprint",
  "phone", "email", "language", "contactEmail", "senderNumber",
  "role", "person", "user", "status", "account", "intermediary", "enterprise", "quality", "resendCount",
  "recipient", "attempt", "error", "minutes", "address", "browser", "scope",
] as const;
// Not shown: `certificate` of OAuth events (on a delegated account it names the intermediary's
// certificate, which SPEC §5 hides from the enterprise), token ids, hashes, internal ids.
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** Values translated rather than shown as stored (messages journal-events.values.<field>.<value>). */
export const TRANSLATED_VALUE_FIELDS = ["role", "status", "language"] as const satisfies readonly ChangeField[];

export interface Change {
  field: ChangeField;
  before?: string;
  after?: string;
}

export interface EventDescription {
  /** The key under journal-events.sentences, or "unknown" for codes without a sentence. */
  sentence: (typeof DESCRIBED_ACTIONS)[number] | "unknown";
  values: { actor: string; target: string; type: string; role: string; recipient: string; action: string };
  changes: Change[];
}

export interface DescribableEvent {
  action: string;
  actorLabel: string | null;
  targetLabel: string | null;
  summary: Record<string, unknown> | null;
}

type Flat = Record<string, unknown>;

function asRecord(value: unknown): Flat | undefined {
  if (Array.isArray(value)) return value.length === 1 ? asRecord(value[0]) : value.length > 1 ? { name: value.map((v) => asRecord(v)?.name ?? "").join(", ") } : undefined;
  return value && typeof value === "object" ? (value as Flat) : undefined;
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (Array.isArray(value)) return value.map((v) => text(v) ?? "").join(", ");
  if (typeof value === "object") return undefined;
  return String(value);
}

/** Old events (before target labels were stored) name their target from their summary. */
function fallbackTarget(before: Flat | undefined, after: Flat | undefined): string | undefined {
  for (const side of [after, before]) {
    if (!side) continue;
    for (const key of ["account", "name", "person", "user", "quality"]) {
      const value = text(side[key]);
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * Describes one event for the journal. `summary` may be null (hidden by SPEC §5, or none recorded);
 * then the sentence stands alone. Flat summaries (sign-ins, sessions, mail) read as « after » values.
 */
export function describeEvent(event: DescribableEvent): EventDescription {
  const summary = event.summary ?? {};
  const hasSides = "before" in summary || "after" in summary;
  const before = hasSides ? asRecord(summary.before) : undefined;
  const after = hasSides ? asRecord(summary.after) : (summary as Flat);
  const changes: Change[] = [];
  for (const field of CHANGE_FIELDS) {
    const key = field === "password" ? "passwordChanged" : field;
    const was = text(before?.[key]);
    const now = key === "passwordChanged" ? (after?.[key] === true ? "•••" : undefined) : text(after?.[key]);
    if (was === undefined && now === undefined) continue;
    if (was === now && hasSides && before && after) continue;
    changes.push({ field, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  const sentence = (DESCRIBED_ACTIONS as readonly string[]).includes(event.action) ? (event.action as EventDescription["sentence"]) : "unknown";
  return {
    sentence,
    values: {
      actor: event.actorLabel ?? "Chaman",
      target: event.targetLabel ?? fallbackTarget(before, after) ?? "",
      type: text(after?.type) ?? text(before?.type) ?? "",
      role: text(after?.role) ?? text(before?.role) ?? "",
      recipient: text(after?.recipient) ?? "",
      action: event.action,
    },
    changes,
  };
}
