import "server-only";
import type { FormState, Problem } from "@/lib/actions/form-state";
import type { PermissionNames } from "@/lib/admin/catalogue";
import { firstForbiddenCharacter } from "@/lib/rules/text";

const FIELDS = [
  ["nameFr", "fr"],
  ["nameNl", "nl"],
  ["nameEn", "en"],
  ["nameDe", "de"],
] as const;
const MAX = 200;

/**
 * The four labels of a catalogue entry (QA of issue 17: an empty NL label was taken as « no change »).
 * Every label is required and must show something: at least one letter or digit, so spaces or invisible
 * characters alone are refused too; no control or invisible format character (bidi overrides, zero-width
 * space…: the shared rule of lib/rules/text.ts, named in the message as « U+202E »), since the labels are
 * shown to every user. Each refused label gets its own message, all reported at once.
 */
export function checkLabels(formData: FormData): { ok: true; names: PermissionNames } | { ok: false; state: FormState } {
  const names: Partial<PermissionNames> = {};
  const fieldErrors: Record<string, Problem> = {};
  for (const [field, lang] of FIELDS) {
    const raw = formData.get(field);
    const value = typeof raw === "string" ? raw.trim() : "";
    const forbidden = firstForbiddenCharacter(value);
    if (!/[\p{L}\p{N}]/u.test(value)) fieldErrors[field] = { key: `admin-changes.errors.labelRequired.${lang}` };
    else if (forbidden) fieldErrors[field] = { key: "text-rules.forbiddenCharacter", params: { character: forbidden } };
    else if (value.length > MAX) fieldErrors[field] = { key: `admin-changes.errors.labelTooLong.${lang}`, params: { max: MAX, found: value.length } };
    else names[field] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, state: { status: "error", fieldErrors } };
  return { ok: true, names: names as PermissionNames };
}
