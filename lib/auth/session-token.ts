import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authConfig } from "./auth.config";

// Auth.js's cookie name and key-derivation salt for the session JWE.
const cookieName = `${authConfig.useSecureCookies ? "__Secure-" : ""}authjs.session-token`;

/** Auth.js's secrets: AUTH_SECRET, and AUTH_SECRET_1…3 while rotating it. */
function secrets(): string[] {
  return [process.env.AUTH_SECRET, process.env.AUTH_SECRET_1, process.env.AUTH_SECRET_2, process.env.AUTH_SECRET_3].filter(
    (s): s is string => Boolean(s),
  );
}

/** The cookie's value; Auth.js splits a large session into `<name>.0`, `<name>.1`, … */
function sessionCookie(all: Array<{ name: string; value: string }>): string | undefined {
  const whole = all.find((c) => c.name === cookieName);
  if (whole) return whole.value;
  const chunks = all
    .filter((c) => c.name.startsWith(`${cookieName}.`))
    .sort((a, b) => Number(a.name.slice(cookieName.length + 1)) - Number(b.name.slice(cookieName.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

/** What the session cookie carries (issue 18): the user and the id of its server-side session record. */
export interface SessionRef {
  userId: string;
  sessionId: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user and session ids in Auth.js session cookies, or null when there is none, or it is expired,
 * tampered, of another secret, or from before server-side sessions (no `sid`). Whether the session is
 * still open is for the database to say (lib/auth/contexts.ts loadSessionContexts).
 */
export async function sessionFromCookies(all: Array<{ name: string; value: string }>, secret: string[]): Promise<SessionRef | null> {
  const token = sessionCookie(all);
  if (!token || secret.length === 0) return null;
  try {
    const payload = await decode({ token, secret, salt: cookieName });
    const { sub, sid } = payload ?? {};
    return typeof sub === "string" && typeof sid === "string" && uuid.test(sub) && uuid.test(sid) ? { userId: sub, sessionId: sid } : null;
  } catch (error) {
    // Such a cookie is a signed-out visitor, as with auth() (jose's ERR_JWT_EXPIRED, ERR_JWE_DECRYPTION_FAILED, …);
    // only the unexpected is logged.
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    const expected = code.startsWith("ERR_J") || (error instanceof Error && error.message === "no matching decryption secret");
    if (!expected) console.warn("[auth] unreadable session cookie", error);
    return null;
  }
}

/**
 * The request's session reference, from the session cookie: one decryption, as Auth.js's auth() would
 * read it (same cookie, salt, secrets and expiry check). auth() also encrypts a renewed cookie on every
 * call — which a page cannot even send — and that was a tenth of a signed-in page's cost
 * (docs/PERFORMANCE.md). The cookie never outlives CHAMAN_SESSION_MAX_HOURS; the session record decides
 * the rest (idle timeout, sign-out, « Mes sessions »).
 */
export async function sessionRef(): Promise<SessionRef | null> {
  return sessionFromCookies((await cookies()).getAll(), secrets());
}

export const SESSION_COOKIE_NAME = cookieName;
