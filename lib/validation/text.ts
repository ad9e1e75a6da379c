// Issue 19: the one Zod schema for free text (names, usernames, numbers typed as text, filters, pasted
// keys, uploaded file names). A NUL or other control character used to reach PostgreSQL and end in a
// 500; now it is refused with its own message, like a value that is too long.
import { z } from "zod";
import { firstForbiddenCharacter, hasForbiddenCharacters } from "@/lib/rules/text";

/** The Zod issue message of a refused character; forms show errors.input.control-characters. */
export const CONTROL_CHARACTERS = "control-characters";

export interface TextOptions {
  /** Longest accepted value, in UTF-16 code units after trimming. */
  max: number;
  /** Refuse the empty string (after trimming). Default true. */
  required?: boolean;
  /** Allow tab, LF and CR (pasted keys and PEM text). Default false. */
  multiline?: boolean;
  /** Trim surrounding white space and normalise to Unicode NFC. Default true; false for passwords. */
  trim?: boolean;
}

/**
 * A string field: trimmed and NFC-normalised (unless `trim: false`), at most `max` long, at least one
 * character when `required`, and without control characters (lib/rules/text.ts) — issue message
 * `CONTROL_CHARACTERS` with `params.character`, the first one as « U+202E ». Usable on the server and in the browser.
 */
export function textField({ max, required = true, multiline = false, trim = true }: TextOptions) {
  let schema = z.string();
  if (trim) schema = schema.trim();
  schema = schema.max(max);
  if (required) schema = schema.min(1);
  return schema
    .superRefine((value, ctx) => {
      // The message names the character (« U+202E »), so it can be found and removed.
      const character = firstForbiddenCharacter(value, { multiline });
      if (character) ctx.addIssue({ code: "custom", message: CONTROL_CHARACTERS, params: { character }, abort: true });
    })
    .transform((value) => (trim ? value.normalize("NFC") : value));
}

/** Longest name of an uploaded file we keep (most file systems stop at 255). */
export const FILE_NAME_MAX = 255;

/** Issue messages of `uploadedFile` (forms show errors.input.<message>). */
export const FILE_NAME_TOO_LONG = "file-name-too-long";
export const FILE_NAME_CHARACTERS = "file-name-characters";

/**
 * A required, non-empty uploaded file whose name is acceptable text: at most 255 long and without
 * control characters (a NUL or a 100 KB name in the multipart header used to end in a 500).
 */
export const uploadedFile = z.instanceof(File).superRefine((file, ctx) => {
  if (file.size === 0 || file.name === "") ctx.addIssue({ code: "custom", message: "required" });
  else if (file.name.length > FILE_NAME_MAX) ctx.addIssue({ code: "custom", message: FILE_NAME_TOO_LONG, params: { max: FILE_NAME_MAX } });
  else if (hasForbiddenCharacters(file.name)) ctx.addIssue({ code: "custom", message: FILE_NAME_CHARACTERS });
});
