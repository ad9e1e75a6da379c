// Issue 13: a described event in the reader's language, for the journal page and its CSV export.
// Pure: takes next-intl-like translators, so it is unit-tested without Next.
import { describeEvent, TRANSLATED_VALUE_FIELDS, type DescribableEvent } from "./describe";

/** The subset of next-intl's translator used here (`getTranslations(namespace)`). */
export interface Translator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

export interface RenderedChange {
  label: string;
  before?: string;
  after?: string;
}

export interface RenderedEvent {
  sentence: string;
  changes: RenderedChange[];
}

function translatedValue(t: Translator, roles: Translator, field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (field === "role") return roles.has(value) ? roles(value) : value;
  if ((TRANSLATED_VALUE_FIELDS as readonly string[]).includes(field) && t.has(`values.${field}.${value}`)) return t(`values.${field}.${value}`);
  return value;
}

/**
 * Renders one event: `t` is the "journal-events" namespace, `roles` the "common.roles" one (the role
 * glossary), `qualityName` turns a quality code into its name in the reader's language.
 */
export function renderEvent(event: DescribableEvent, t: Translator, roles: Translator, qualityName: (code: string) => string | undefined): RenderedEvent {
  const described = describeEvent(event);
  const target = event.action === "quality.activate" ? (qualityName(described.values.target) ?? described.values.target) : described.values.target;
  const values = {
    ...described.values,
    target: target || t("ui.unknownTarget"),
    role: translatedValue(t, roles, "role", described.values.role) ?? "",
  };
  const key = described.sentence === "unknown" ? "sentences.unknown" : `sentences.${described.sentence}`;
  return {
    sentence: t(key, values),
    changes: described.changes.map((change) => {
      const quality = change.field === "quality" ? (v: string | undefined) => (v === undefined ? v : (qualityName(v) ?? v)) : (v: string | undefined) => translatedValue(t, roles, change.field, v);
      const before = quality(change.before);
      const after = quality(change.after);
      return { label: t(`fields.${change.field}`), ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
    }),
  };
}
