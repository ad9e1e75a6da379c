import "server-only";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { oauthTokenFailures } from "@/lib/db/schema";

// Token-endpoint throttling per Client ID and per client address (issue 14). A small count-before-verify
// throttle in the style of the sign-in one (lib/auth/authenticate.ts), over its own table so integration
// failures never lock the office's web sign-in. Only refused requests count: a client that gets its tokens
// is never slowed. Counting happens before the assertion is verified, so a locked caller costs no signature
// check; two racing requests may both pass the count (a soft limit, like the sign-in one).
// TODO(issue 19): move onto lib/security/throttle.ts once the generic atomic primitive has landed.

export const tokenThrottlePolicy = {
  /** Refused requests for one Client ID within the window before it is locked. */
  perClientId: 20,
  /** Refused requests from one address within the window before it is locked. */
  perAddress: 60,
  windowMinutes: 15,
} as const;

export type TokenThrottleVerdict = { locked: false } | { locked: true; by: "client" | "address" };

/** Counts recent failures; `clientId` is the (unverified) iss or client_id of the request, if any. */
export async function tokenThrottle(q: Queryable, clientId: string | null, ip: string, policy = tokenThrottlePolicy): Promise<TokenThrottleVerdict> {
  const since = sql`now() - make_interval(mins => ${policy.windowMinutes})`;
  const [byAddress] = await q.select({ n: count() }).from(oauthTokenFailures).where(and(eq(oauthTokenFailures.ip, ip), gt(oauthTokenFailures.at, since)));
  if ((byAddress?.n ?? 0) >= policy.perAddress) return { locked: true, by: "address" };
  if (clientId) {
    const [byClient] = await q.select({ n: count() }).from(oauthTokenFailures).where(and(eq(oauthTokenFailures.clientId, clientId), gt(oauthTokenFailures.at, since)));
    if ((byClient?.n ?? 0) >= policy.perClientId) return { locked: true, by: "client" };
  }
  return { locked: false };
}

/** Records one refused request; now and then drops failures older than the window. */
export async function recordTokenFailure(q: Queryable, clientId: string | null, ip: string): Promise<void> {
  await q.insert(oauthTokenFailures).values({ clientId: (clientId ?? "").slice(0, 200), ip });
  if (Math.random() < 0.02) {
    await q.delete(oauthTokenFailures).where(lt(oauthTokenFailures.at, sql`now() - make_interval(mins => ${tokenThrottlePolicy.windowMinutes * 2})`));
  }
}
