// A debugging aid for performance work (docs/PERFORMANCE.md): with CHAMAN_DEBUG_SQL=1 every statement
// the app sends is written to the server log as one line, so the statements of one request can be
// counted. Off by default; the statement text only, never its parameter values.
import { PgPreparedQuery } from "drizzle-orm/pg-core";

const installed = Symbol.for("chaman.queryLog");
type QueryWithCache = (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

/**
 * Logs `[sql] <statement, whitespace collapsed, first 160 characters>` for each query run through
 * Drizzle, when the environment variable CHAMAN_DEBUG_SQL is "1". Idempotent; lib/db/client.ts calls it.
 */
export function installQueryLog(): void {
  if (process.env.CHAMAN_DEBUG_SQL !== "1") return;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; [installed]?: true };
  if (proto[installed]) return;
  const original = proto.queryWithCache;
  proto.queryWithCache = function queryWithLog(this: unknown, queryString, params, query) {
    console.log(`[sql] ${queryString.replace(/\s+/g, " ").slice(0, 160)}`);
    return original.call(this, queryString, params, query);
  };
  proto[installed] = true;
}
