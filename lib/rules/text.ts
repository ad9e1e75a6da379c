/**
 * Issue 19: which characters free text may hold — typed by a person, or read from an uploaded
 * certificate or key. Pure; the Zod schema of every form field (lib/validation/text.ts) and the
 * certificate and SSH key rules use this one definition.
 *
 * Refused everywhere: C0 and C1 control characters and DEL (U+0000–U+001F, U+007F–U+009F; PostgreSQL
 * cannot even store U+0000), the line and paragraph separators (U+2028, U+2029), the bidirectional
 * embedding/override/isolate controls that make a name display differently from what it is
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source"), the other invisible format characters that make two
 * names look alike or a text read differently (issue 17 QA: soft hyphen U+00AD, Arabic letter mark U+061C,
 * Mongolian vowel separator U+180E, zero-width space U+200B, left-to-right / right-to-left marks U+200E,
 * U+200F, word joiner and invisible operators U+2060–U+2064, deprecated format characters U+206A–U+206F,
 * zero-width no-break space / BOM U+FEFF, interlinear annotation U+FFF9–U+FFFB), the non-characters U+FFFE
 * and U+FFFF, and UTF-16 surrogates that are not part of a pair (not Unicode text at all). Multi-line text
 * (pasted keys, PEM) may also hold tab, line feed and carriage return. Kept: the zero-width (non-)joiners
 * U+200C and U+200D, which emoji sequences and several scripts need.
 */

const forbiddenAlways =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbiddenSingleLine = /[\t\n\r]/;
const forbiddenAnySingleLine = new RegExp(`${forbiddenAlways.source}|${forbiddenSingleLine.source}`);
const forbidden = (multiline: boolean | undefined) => (multiline ? forbiddenAlways : forbiddenAnySingleLine);

/** True when `text` holds a character refused in free text (see above); `multiline` allows tab, LF and CR. */
export function hasForbiddenCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return forbidden(options.multiline).test(text);
}

/** `text` with every refused character replaced by U+FFFD, for showing or logging what was refused. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(new RegExp(forbiddenAnySingleLine.source, "g"), "\uFFFD");
}

/**
 * The first refused character of `text` (rules above) as its code point, « U+202E » (at least four upper-case
 * hex digits; a lone surrogate as itself), or null when there is none — for a message that names it.
 */
export function firstForbiddenCharacter(text: string, options: { multiline?: boolean } = {}): string | null {
  const found = forbidden(options.multiline).exec(text);
  if (!found) return null;
  return `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
