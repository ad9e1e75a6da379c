/**
 * Issue 19: which characters free text may hold — typed by a person, or read from an uploaded
 * certificate or key. Pure; the Zod schema of every form field (lib/validation/text.ts) and the
 * certificate and SSH key rules use this one definition.
 *
 * Refused everywhere: C0 and C1 control characters and DEL (U+0000–U+001F, U+007F–U+009F; PostgreSQL
 * cannot even store U+0000), the line and paragraph separators (U+2028, U+2029), the bidirectional
 * embedding/override/isolate controls that make a name display differently from what it is
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source"), the non-characters U+FFFE and U+FFFF, and UTF-16
 * surrogates that are not part of a pair (not Unicode text at all). Multi-line text (pasted keys, PEM)
 * may also hold tab, line feed and carriage return.
 */

const forbiddenAlways =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbiddenSingleLine = /[\t\n\r]/;

/** True when `text` holds a character refused in free text (see above); `multiline` allows tab, LF and CR. */
export function hasForbiddenCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return forbiddenAlways.test(text) || (!options.multiline && forbiddenSingleLine.test(text));
}

/** `text` with every refused character replaced by U+FFFD, for showing or logging what was refused. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(new RegExp(`${forbiddenAlways.source}|${forbiddenSingleLine.source}`, "g"), "\uFFFD");
}
