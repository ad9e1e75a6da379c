// Auth.js sends errors to /login?error=<code> (lib/auth/auth.config.ts `pages`). Codes: Auth.js's
// ErrorPageParam and SignInPageErrorParam (@auth/core types). Pure: unit-tested.

/** A message key of the "auth-errors" namespace. */
export type AuthErrorKey = "accessDenied" | "configuration" | "verification" | "default";

/**
 * The message for Auth.js's `error` query parameter, or null when there is none. `AccessDenied` is a
 * refused sign-in (an OpenID Connect user whose NISS is unknown, lib/auth/auth.ts); `CredentialsSignin`
 * never reaches here (the form shows its own message), but a hand-made URL gets the generic one.
 */
export function authErrorKey(error: string | string[] | undefined): AuthErrorKey | null {
  const code = Array.isArray(error) ? error[0] : error;
  if (!code) return null;
  if (code === "AccessDenied") return "accessDenied";
  if (code === "Configuration") return "configuration";
  if (code === "Verification") return "verification";
  return "default";
}
