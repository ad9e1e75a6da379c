// Issue 18: how long a server-side session lives (OWASP ASVS 3.3.1/3.3.2). Pure, unit-tested; read once
// from the environment by lib/auth/sessions.ts.

export interface SessionPolicy {
  /** A session not seen for this long is over (CHAMAN_SESSION_IDLE_MINUTES, default 30 minutes). */
  idleSeconds: number;
  /** A session is over this long after sign-in, whatever the activity (CHAMAN_SESSION_MAX_HOURS, default 8 hours). */
  maxSeconds: number;
  /**
   * « Last seen » is written at most once per this interval: 60 s, or half the idle timeout when that is
   * shorter, so activity always moves it before the session goes idle. The idle timeout is therefore
   * measured from a time up to this much earlier than the last request (never later: a session never
   * lives longer than configured).
   */
  touchSeconds: number;
}

export const DEFAULT_IDLE_MINUTES = 30;
export const DEFAULT_MAX_HOURS = 8;

/** A positive number of `unit`s from the environment, or the default when unset; anything else stops the server with a clear message. */
function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  }
  return value;
}

/**
 * The session policy from environment variables. Fractions are accepted (e.g. 0.1 minute = 6 s, for tests).
 * An idle timeout longer than the absolute lifetime is not an error: it is capped at the lifetime (a
 * session can never be idle longer than it lives), so shortening CHAMAN_SESSION_MAX_HOURS alone, e.g. to
 * 0.25 with the default 30-minute idle timeout, just works.
 * Throws when a variable is not a positive number or the idle timeout is under 2 seconds;
 * `sessionPolicyProblem` gives the same verdict as one line for the start-up check.
 */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
  const idleWanted = Math.round(positive(env, "CHAMAN_SESSION_IDLE_MINUTES", DEFAULT_IDLE_MINUTES) * 60);
  const maxSeconds = Math.round(positive(env, "CHAMAN_SESSION_MAX_HOURS", DEFAULT_MAX_HOURS) * 3600);
  const idleSeconds = Math.min(idleWanted, maxSeconds);
  if (idleSeconds < 2) {
    const name = idleWanted < 2 ? "CHAMAN_SESSION_IDLE_MINUTES" : "CHAMAN_SESSION_MAX_HOURS";
    throw new Error(`${name} must be at least 2 seconds (got "${env[name]?.trim()}")`);
  }
  return { idleSeconds, maxSeconds, touchSeconds: Math.min(60, Math.floor(idleSeconds / 2)) };
}

/**
 * What is wrong with the session variables, as ONE line naming the variable (for instrumentation.ts,
 * which then refuses to start), or null when the policy is usable.
 */
export function sessionPolicyProblem(env: Record<string, string | undefined>): string | null {
  try {
    sessionPolicyFrom(env);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A duration as the largest whole unit that states it exactly (for « Mes sessions »: ICU plural per unit). */
export interface ExactDuration {
  unit: "hour" | "minute" | "second";
  count: number;
}

/**
 * `seconds` (a whole number, as in SessionPolicy) in hours when that is exact, else minutes when that
 * is exact, else seconds: 28800 → 8 hours, 5400 → 90 minutes, 60 → 1 minute, 12 → 12 seconds. Never
 * rounded, so the page states the policy actually enforced.
 */
export function exactDuration(seconds: number): ExactDuration {
  if (seconds % 3600 === 0) return { unit: "hour", count: seconds / 3600 };
  if (seconds % 60 === 0) return { unit: "minute", count: seconds / 60 };
  return { unit: "second", count: seconds };
}
