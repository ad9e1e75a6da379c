// QA 11b-D: an unreachable PostgreSQL used to surface as drizzle's "Failed query: CREATE SCHEMA…" with its
// params and no cause. One line instead, naming where and why (no password: the URL's credentials are dropped).

/** The PostgreSQL server configured could not be used: `message` names host, port, database and cause. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`PostgreSQL at ${where(url)} cannot be used: ${causeOf(cause)}`, { cause });
    this.name = "DatabaseUnreachableError";
  }
}

function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname && u.pathname !== "/" ? u.pathname : "/"}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

/** The root cause in words: node's network codes, PostgreSQL's SQLSTATE (Appendix A of its manual). */
export function causeOf(error: unknown): string {
  let e: unknown = error;
  // drizzle wraps the driver's error in `cause`; node's dual-stack connect rejects with an AggregateError.
  for (let i = 0; i < 5; i++) {
    if (e instanceof AggregateError && e.errors.length) e = e.errors[0];
    else if (e instanceof Error && e.cause !== undefined && !(e as { code?: unknown }).code) e = e.cause;
    else break;
  }
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (ECONNREFUSED): is the server running on that host and port?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `host not found (${code})`;
    case "ETIMEDOUT":
      return "connection timed out (ETIMEDOUT)";
    case "3D000":
      return `database does not exist (3D000): ${message}`;
    case "28P01":
    case "28000":
      return `authentication failed (${code}): ${message}`;
    default:
      return typeof code === "string" ? `${message} (${code})` : message;
  }
}
