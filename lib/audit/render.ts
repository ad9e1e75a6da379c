// Issue 13: a described event in the reader's language, for the journal page and its CSV export.
// Pure: takes next-intl-like translators, so it is unit-tested without Next.
import { frenchElides } from "@/lib/i18n/elision";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { describeEvent, TRANSLATED_VALUE_FIELDS, type ChangeValue, type DescribableEvent } from "./describe";

/** The subset of next-intl's translator used here (`getTranslations(namespace)`). */
export interface Translator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

/** Names the catalogue keeps as data, in the reader's language; undefined for an unknown code. */
export interface CatalogueNames {
  /** A quality by its code (`employeur-onss` → « Employeur ONSS »). */
  quality(code: string): string | undefined;
  /** A permission by its code (`batch.pension-preload` → « Base de données des pensions complémentaires - Preload »). */
  permission(code: string): string | undefined;
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

function translatedValue(t: Translator, roles: Translator, names: CatalogueNames, field: string, value: string): string {
  if (field === "role") return roles.has(value) ? roles(value) : value;
  if (field === "quality") return names.quality(value) ?? value;
  if (field === "permissions") return names.permission(value) ?? value;
  // Stored as 10 digits (delegation events); shown with the dots the screens use (issue 13 header item).
  if (field === "intermediary" || field === "enterprise") return formatEnterpriseNumber(value);
  if ((TRANSLATED_VALUE_FIELDS as readonly string[]).includes(field) && t.has(`values.${field}.${value}`)) return t(`values.${field}.${value}`);
  return value;
}

function rendered(t: Translator, roles: Translator, names: CatalogueNames, field: string, value: ChangeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return translatedValue(t, roles, names, field, value);
  return value.map((item) => translatedValue(t, roles, names, field, item)).join(", ");
}

/**
 * Renders one event: `t` is the "journal-events" namespace, `roles` the "common.roles" one (the role
 * glossary), `names` the catalogue's qualities and permissions in the reader's language. French
 * sentences elide « de » before a vowel or a mute h (« Connexion d’Ivan Petrov »): every name value
 * comes with `<name>Elides` = "yes" | "no" for the messages' `select`.
 */
export function renderEvent(event: DescribableEvent, t: Translator, roles: Translator, names: CatalogueNames): RenderedEvent {
  const described = describeEvent(event);
  const target = event.action === "quality.activate" ? (names.quality(described.values.target) ?? described.values.target) : described.values.target;
  const values: Record<string, string> = {
    ...described.values,
    target: target || t("ui.unknownTarget"),
    role: described.values.role ? translatedValue(t, roles, names, "role", described.values.role) : "",
    permission: described.values.permission ? (names.permission(described.values.permission) ?? described.values.permission) : "",
  };
  for (const name of ["actor", "target"] as const) values[`${name}Elides`] = frenchElides(values[name] ?? "") ? "yes" : "no";
  const key = described.sentence === "unknown" ? "sentences.unknown" : `sentences.${described.sentence}`;
  return {
    sentence: t(key, values),
    changes: described.changes.map((change) => {
      const before = rendered(t, roles, names, change.field, change.before);
      const after = rendered(t, roles, names, change.field, change.after);
      return { label: t(`fields.${change.field}`), ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
    }),
  };
}
