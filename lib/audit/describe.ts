// Issue 13: a journal event as the reader reads it — a sentence key with its values, and the
// changes as labelled before → after pairs. Pure: the page and the CSV export translate the keys.
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "./actions";

/** Action codes with a sentence of their own (messages journal-events.sentences.*): all of them (lib/audit/actions.ts). */
export const DESCRIBED_ACTIONS = AUDIT_ACTIONS;

/** Fields shown as changes, in this order (messages journal-events.fields.*); others stay out of sight (ids, hashes of nothing). */
export const CHANGE_FIELDS = [
  "name", "type", "username", "password", "clientId", "sshFingerprint", "sshKeyBits", "permissions",
  "fileName", "serialNumber", "sha256Fingerprint",
  "phone", "email", "language", "contactEmail", "senderNumber",
  "role", "person", "user", "status", "account", "intermediary", "enterprise", "quality", "resendCount",
  "recipient", "attempt", "error", "refusalReason", "minutes", "address", "browser", "scope",
  "channel", "folder", "size", "answer", "demoDate", "kind", "nameFr", "nameNl", "nameEn", "nameDe", "family", "subject", "sha256",
  "failuresUsername", "failuresAddress", "maxAgeHours",
] as const;
// Not shown: `certificate` of OAuth events (on a delegated account it names the intermediary's
// certificate, which SPEC §5 hides from the enterprise), token ids, hashes, internal ids.
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** Values translated rather than shown as stored (messages journal-events.values.<field>.<value>). */
export const TRANSLATED_VALUE_FIELDS = ["role", "status", "language", "kind", "family"] as const satisfies readonly ChangeField[];

/** Fields whose value is a list of codes, each translated on its own (permission codes of the catalogue). */
export const LIST_FIELDS = ["permissions"] as const satisfies readonly ChangeField[];

/** A value as stored: one text, or the items of a list field. */
export type ChangeValue = string | readonly string[];

export interface Change {
  field: ChangeField;
  before?: ChangeValue;
  after?: ChangeValue;
}

/** The values a sentence may name (journal-events.sentences.*); empty when the event has none. */
export interface SentenceValues {
  actor: string;
  target: string;
  type: string;
  role: string;
  recipient: string;
  action: string;
  /** FTP/SFTP (transfer.*) */
  channel: string;
  /** A file and its sender folder (transfer.upload|delete), or the declaration's answer file. */
  file: string;
  folder: string;
  /** The declaration (its GO file name without the GO prefix, transfer.declaration-*). */
  declaration: string;
  /** A permission of the catalogue by its code (admin.catalogue.*), translated by the renderer. */
  permission: string;
  /** A CA's subject (admin.trust.*). */
  subject: string;
}

export interface EventDescription {
  /** The key under journal-events.sentences, or "unknown" for codes without a sentence. */
  sentence: AuditAction | "unknown";
  values: SentenceValues;
  changes: Change[];
}

export interface DescribableEvent {
  action: string;
  actorLabel: string | null;
  /** What the event is about (a file, a declaration, a permission code); only some sentences read it. */
  targetId?: string | null;
  targetLabel: string | null;
  summary: Record<string, unknown> | null;
}

type Flat = Record<string, unknown>;

function asRecord(value: unknown): Flat | undefined {
  if (Array.isArray(value)) return value.length === 1 ? asRecord(value[0]) : value.length > 1 ? { name: value.map((v) => asRecord(v)?.name ?? "").join(", ") } : undefined;
  return value && typeof value === "object" ? (value as Flat) : undefined;
}

function list(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => text(v) ?? "").filter((v) => v !== "");
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
    for (const key of ["account", "name", "person", "user", "quality", "username"]) {
      const value = text(side[key]);
      if (value) return value;
    }
  }
  return undefined;
}

/** The admin clock's summary holds bare ISO instants; they read as the demonstration day (YYYY-MM-DD). */
function sides(action: string, summary: Flat): { hasSides: boolean; before: Flat | undefined; after: Flat | undefined } {
  const hasSides = "before" in summary || "after" in summary;
  if (action === "admin.clock") {
    const day = (v: unknown) => (typeof v === "string" ? { demoDate: v.slice(0, 10) } : undefined);
    return { hasSides: true, before: day(summary.before), after: day(summary.after) };
  }
  if (action === "auth.locked-out" || action === "transfer.locked-out") {
    // Their summaries hold failure counts under the names of what was counted (username/subject, address).
    const { username, subject, address, ...rest } = summary;
    return { hasSides: false, before: undefined, after: { ...rest, failuresUsername: username ?? subject, failuresAddress: address } };
  }
  if (action === "oauth.token-refused" || action === "oauth.introspection-refused") {
    // The documented reason code (docs/rest-client.*.md) tells the manager what the integrator must fix; the
    // description stays out of sight (it may name the intermediary's certificate, SPEC §5).
    const { reason, description: _description, ...rest } = summary;
    return { hasSides: false, before: undefined, after: { ...rest, refusalReason: reason } };
  }
  if (!hasSides) return { hasSides, before: undefined, after: summary };
  const { before, after, ...rest } = summary;
  // Some writers keep context beside the sides (admin.trust.retire: family, subject): shown as « after ».
  const afterSide = asRecord(after);
  return { hasSides, before: asRecord(before), after: afterSide || Object.keys(rest).length > 0 ? { ...rest, ...afterSide } : undefined };
}

/**
 * Describes one event for the journal. `summary` may be null (hidden by SPEC §5, or none recorded);
 * then the sentence stands alone. Flat summaries (sign-ins, sessions, mail, transfers) read as « after » values.
 */
export function describeEvent(event: DescribableEvent): EventDescription {
  const summary = event.summary ?? {};
  const { hasSides, before, after } = sides(event.action, summary as Flat);
  const changes: Change[] = [];
  for (const field of CHANGE_FIELDS) {
    const key = field === "password" ? "passwordChanged" : field;
    const read = (side: Flat | undefined) => ((LIST_FIELDS as readonly string[]).includes(field) ? list(side?.[key]) : text(side?.[key]));
    const was = read(before);
    const now = key === "passwordChanged" ? (after?.[key] === true ? "•••" : undefined) : read(after);
    if (was === undefined && now === undefined) continue;
    if (String(was) === String(now) && hasSides && before && after) continue;
    changes.push({ field, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  const sentence = isAuditAction(event.action) ? event.action : "unknown";
  const transfer = event.action.startsWith("transfer.");
  const value = (key: string) => text(after?.[key]) ?? text(before?.[key]) ?? "";
  return {
    sentence,
    values: {
      actor: event.actorLabel ?? "Chaman",
      target: event.targetLabel ?? fallbackTarget(before, after) ?? "",
      type: value("type"),
      role: value("role"),
      recipient: text(after?.recipient) ?? "",
      action: event.action,
      channel: transfer ? value("channel") : "",
      // A refused GO and an expired IN file are journaled with the file as their target.
      file: value("file") || (event.action === "transfer.go-refused" || event.action === "transfer.expired" ? (event.targetId ?? "") : ""),
      folder: value("folder"),
      declaration: event.action.startsWith("transfer.declaration") || event.action === "transfer.go-duplicate" ? (event.targetId ?? "") : "",
      permission: event.action.startsWith("admin.catalogue.") ? (event.targetId ?? "") : "",
      subject: value("subject"),
    },
    changes,
  };
}
