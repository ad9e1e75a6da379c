// Issue 17: an administrative change (actions « admin.* ») in words — a sentence and labelled before → after
// values, like the regular journal (lib/audit/render.ts, same RenderedEvent shape), with its own messages
// (« admin-changes.journal.* ») so the two journals evolve apart. Pure: unit-tested without Next.
import type { RenderedChange, RenderedEvent, Translator } from "@/lib/audit/render";

export interface AdminEventInput {
  action: string;
  actor: string;
  /** Row id, permission code… as journaled. */
  target: string | null;
  summary: Record<string, unknown> | null;
}

export interface AdminRenderContext {
  /** The « admin-changes.journal » namespace. */
  t: Translator;
  /** A quality code → its name in the reader's language (scopes are journaled by quality code). */
  qualityName: (code: string) => string | undefined;
  /** A journaled ISO date → the reader's date. */
  day: (iso: string) => string;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** One event of the administration journal in the reader's language. Unknown actions keep their code. */
export function renderAdminEvent(event: AdminEventInput, { t, qualityName, day }: AdminRenderContext): RenderedEvent {
  const summary = record(event.summary);
  const before = record(summary.before);
  const after = record(summary.after);
  const none = t("values.none");
  const changes: RenderedChange[] = [];
  const change = (field: string, b: string | undefined, a: string | undefined, label = t(`fields.${field}`)) => {
    if (b === a) return;
    changes.push({ label, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  };
  const status = (value: unknown) => (text(value) && t.has(`values.status.${String(value)}`) ? t(`values.status.${String(value)}`) : text(value));
  let target = event.target ?? "";

  switch (event.action) {
    case "admin.grant":
    case "admin.revoke":
      target = text(after.username) ?? text(before.username) ?? target;
      change("role", t(before.admin === true ? "values.admin" : "values.notAdmin"), t(after.admin === true ? "values.admin" : "values.notAdmin"));
      break;
    case "admin.trust.add":
      target = text(after.subject) ?? target;
      change("family", undefined, text(after.family) && t.has(`values.family.${String(after.family)}`) ? t(`values.family.${String(after.family)}`) : text(after.family));
      change("sha256", undefined, text(after.sha256));
      break;
    case "admin.trust.retire":
      target = text(summary.subject) ?? target;
      change("status", status(before.status), status(after.status));
      change("sha256", undefined, text(summary.sha256));
      break;
    case "admin.clock": {
      const date = (value: unknown) => (text(value) ? day(String(value)) : t("values.realDate"));
      change("demoDate", date(summary.before), date(summary.after));
      break;
    }
    case "admin.reset": {
      // What the reset put back (lib/admin/demo-reset.ts); rows written before it had no details.
      for (const field of ["accounts", "certificates", "delegations", "sessions"]) {
        const b = before[field];
        const a = after[field];
        if (typeof b === "number" && typeof a === "number") change(field, String(b), String(a));
      }
      const date = (value: unknown) => (text(value) ? day(String(value)) : t("values.realDate"));
      if ("demoDate" in before) change("demoDate", date(before.demoDate), date(after.demoDate));
      break;
    }
    case "admin.catalogue.add":
    case "admin.catalogue.rename":
      for (const field of ["nameFr", "nameNl", "nameEn", "nameDe"]) change(field, text(before[field]), text(after[field]));
      if (event.action === "admin.catalogue.add" && text(after.kind)) change("kind", undefined, t.has(`values.kind.${String(after.kind)}`) ? t(`values.kind.${String(after.kind)}`) : String(after.kind));
      break;
    case "admin.catalogue.retire":
      change("status", status(before.status), status(after.status));
      break;
    case "admin.catalogue.application-code":
      change("applicationCode", text(before.applicationCode) ?? none, text(after.applicationCode) ?? none);
      break;
    case "admin.catalogue.scopes": {
      const b = record(before.scopes);
      const a = record(after.scopes);
      for (const quality of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
        change("scope", text(b[quality]) ?? none, text(a[quality]) ?? none, t("fields.scope", { quality: qualityName(quality) ?? quality }));
      }
      break;
    }
    default:
      break;
  }
  const key = `sentences.${event.action.replace(/^admin\./, "")}`;
  const values = { actor: event.actor, target: target || "—" };
  return { sentence: t.has(key) ? t(key, values) : t("sentences.unknown", { ...values, action: event.action }), changes };
}
