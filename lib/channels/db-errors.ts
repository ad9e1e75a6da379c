import "server-only";

/**
 * The constraint behind a unique violation (SQLSTATE 23505), or null for any other error.
 * Drizzle wraps driver errors (node-postgres and PGlite) in `cause`, so the chain is walked.
 */
export function uniqueViolation(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (e.code === "23505") {
      if (typeof e.constraint === "string") return e.constraint;
      const match = typeof e.message === "string" ? /unique constraint "([^"]+)"/.exec(e.message) : null;
      return match?.[1] ?? "";
    }
    current = e.cause;
  }
  return null;
}
