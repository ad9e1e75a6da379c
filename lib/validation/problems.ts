// Issue 19: one mapping from a Zod issue to the message a form shows at the field, for every form.
import type { z } from "zod";
import type { Problem } from "@/lib/actions/form-state";
import { CONTROL_CHARACTERS, FILE_NAME_CHARACTERS, FILE_NAME_TOO_LONG, FILE_NAME_MAX } from "./text";

/**
 * The message of one Zod issue: missing → errors.input.required, too long → errors.input.too-long {max},
 * a control or invisible character → text-rules.forbiddenCharacter {character: "U+202E"}, a bad file name → errors.input.file-name-…,
 * anything else → errors.input.invalid.
 */
export function problemOfIssue(issue: z.core.$ZodIssue): Problem {
  if (issue.code === "too_big" && typeof issue.maximum === "number") return { key: "errors.input.too-long", params: { max: issue.maximum } };
  if ((issue.code === "too_small" && issue.minimum === 1) || issue.code === "invalid_type") return { key: "errors.input.required" };
  if (issue.code === "custom") {
    if (issue.message === "required") return { key: "errors.input.required" };
    if (issue.message === CONTROL_CHARACTERS) {
      const character = typeof issue.params?.character === "string" ? issue.params.character : null;
      return character ? { key: "text-rules.forbiddenCharacter", params: { character } } : { key: "errors.input.control-characters" };
    }
    if (issue.message === FILE_NAME_TOO_LONG) return { key: "errors.input.file-name-too-long", params: { max: FILE_NAME_MAX } };
    if (issue.message === FILE_NAME_CHARACTERS) return { key: "errors.input.file-name-characters" };
  }
  return { key: "errors.input.invalid" };
}
