import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { oauthUsedAssertions } from "@/lib/db/schema";

// RFC 7523 §3 item 7: a jti is single-use until the assertion's exp. The primary key (client_id, jti) of
// oauth_used_assertions decides between concurrent requests and between app instances.

/** Whether the jti was already spent (the assertion checker's read-only probe). */
export async function isJtiUsed(q: Queryable, clientId: string, jti: string): Promise<boolean> {
  const [row] = await q
    .select({ jti: oauthUsedAssertions.jti })
    .from(oauthUsedAssertions)
    .where(and(eq(oauthUsedAssertions.clientId, clientId), eq(oauthUsedAssertions.jti, jti)))
    .limit(1);
  return row !== undefined;
}

/**
 * Spends the jti: true for the one request that inserts it, false for every replay (also concurrent ones).
 * Rows are kept until the assertion's exp, afterwards exp alone refuses the assertion; expired rows are purged
 * here, a few at a time, so the table stays as small as the traffic of the last ten minutes.
 */
export async function spendJti(q: Queryable, clientId: string, jti: string, exp: Date): Promise<boolean> {
  const inserted = await q.insert(oauthUsedAssertions).values({ clientId, jti, expiresAt: exp }).onConflictDoNothing().returning({ jti: oauthUsedAssertions.jti });
  if (inserted.length > 0 && Math.random() < 0.05) {
    await q.delete(oauthUsedAssertions).where(
      sql`(${oauthUsedAssertions.clientId}, ${oauthUsedAssertions.jti}) in (select ${oauthUsedAssertions.clientId}, ${oauthUsedAssertions.jti} from ${oauthUsedAssertions} where ${lt(oauthUsedAssertions.expiresAt, sql`now() - interval '1 minute'`)} limit 500)`,
    );
  }
  return inserted.length > 0;
}
