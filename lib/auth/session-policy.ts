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
 * Throws when a variable is not a positive number or when the idle timeout exceeds the absolute lifetime.
 */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
  const idleSeconds = Math.round(positive(env, "CHAMAN_SESSION_IDLE_MINUTES", DEFAULT_IDLE_MINUTES) * 60);
  const maxSeconds = Math.round(positive(env, "CHAMAN_SESSION_MAX_HOURS", DEFAULT_MAX_HOURS) * 3600);
  if (idleSeconds < 2) throw new Error("CHAMAN_SESSION_IDLE_MINUTES must be at least 2 seconds");
  if (idleSeconds > maxSeconds) throw new Error("CHAMAN_SESSION_IDLE_MINUTES must not exceed CHAMAN_SESSION_MAX_HOURS");
  return { idleSeconds, maxSeconds, touchSeconds: Math.min(60, Math.floor(idleSeconds / 2)) };
}
