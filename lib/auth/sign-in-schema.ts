import { z } from "zod";
import { textField } from "@/lib/validation/text";

/**
 * The sign-in form's fields (issue 19: the shared text rules, so a NUL in a username is refused
 * before any query instead of ending in a 500). The password is neither trimmed nor normalised.
 */
export const signInCredentialsSchema = z.object({
  username: textField({ max: 100 }),
  password: textField({ max: 200, trim: false }),
});
