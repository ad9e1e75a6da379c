// Issue 19: database errors are caught at ONE place — the method of Drizzle's prepared query that
// every query of both drivers (PGlite, node-postgres) runs through — logged with their SQLSTATE code,
// constraint, table and column, and rethrown as a DatabaseError that carries no parameter values.
//
// Why here: Drizzle wraps a failed query in DrizzleQueryError, whose message is "Failed query: …
// params: …" with every parameter value (an FTP password's argon2 hash, say), and whose `cause` (the
// driver's error) repeats them (PGlite adds `params`; PostgreSQL's `detail` quotes key values). Next.js
// logs an uncaught error whole, so the values ended in the server log. The method patched,
// PgPreparedQuery.prototype.queryWithCache, is internal to Drizzle: lib/db/errors.int.test.ts fails if
// an upgrade bypasses it.
import { PgPreparedQuery } from "drizzle-orm/pg-core";

/** A failed query, described without any value: safe to log and to let reach Next.js's error log. */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  constructor(
    /** SQLSTATE, e.g. 23505 (unique violation), 22021 (invalid byte sequence), 40001 (serialization). */
    readonly code: string,
    /** Constraint, table and column the server named (when it did). */
    readonly constraint?: string,
    readonly table?: string,
    readonly column?: string,
  ) {
    super(`database error ${code}${constraint ? ` (constraint ${constraint})` : ""}${table ? ` on ${table}` : ""}`);
  }
}

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value.slice(0, 128) : undefined);

/** The DatabaseError for any error thrown by a query (a driver error, or Drizzle's wrapper of one). */
export function toDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const wrapped = error as { cause?: unknown } | null;
  const driver = (wrapped && typeof wrapped === "object" && wrapped.cause && typeof wrapped.cause === "object" ? wrapped.cause : wrapped) as DriverError | null;
  const code = str(driver?.code) ?? "unknown";
  return new DatabaseError(code, str(driver?.constraint), str(driver?.table), str(driver?.column));
}

/** The first words of the statement ("insert into "accounts""), to say which query failed; no values. */
function statementHead(query: unknown): string {
  return typeof query === "string" ? query.replace(/\s+/g, " ").trim().split(" ").slice(0, 3).join(" ").slice(0, 80) : "";
}

// Constraint violations (class 23) and serialization failures are answered by the services
// (uniqueViolation → a user message, retries): worth a warning, not an error.
function isExpected(code: string): boolean {
  return code.startsWith("23") || code === "40001" || code === "40P01";
}

const installed = Symbol.for("chaman.databaseErrorBoundary");
type QueryWithCache = (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

/** Installs the boundary (idempotent); lib/db/client.ts calls it before opening any database. */
export function installDatabaseErrorBoundary(): void {
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; [installed]?: true };
  if (proto[installed]) return;
  const original = proto.queryWithCache;
  if (typeof original !== "function") throw new Error("drizzle-orm changed: PgPreparedQuery.queryWithCache is gone (lib/db/errors.ts)");
  proto.queryWithCache = async function queryWithBoundary(this: unknown, queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      const safe = toDatabaseError(error);
      const log = isExpected(safe.code) ? console.warn : console.error;
      log(`[db] query failed: code=${safe.code} constraint=${safe.constraint ?? "-"} table=${safe.table ?? "-"} column=${safe.column ?? "-"} statement="${statementHead(queryString)}"`);
      throw safe;
    }
  };
  proto[installed] = true;
}
