import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accounts, delegations, enterprises } from "@/lib/db/schema";

/**
 * The technical intermediary managing the certificates of a delegated REST account (SPEC §5; issue 13:
 * the enterprise's account page names it), or null when the account has no accepted delegation.
 * Scoped to `senderId`, so an id of another sender's account reveals nothing. `number` is the
 * 10-digit BCE/KBO number without separators.
 */
export async function intermediaryOfAccount(q: Queryable, senderId: string, accountId: string): Promise<{ name: string; number: string } | null> {
  const [row] = await q
    .select({ name: enterprises.name, number: enterprises.number })
    .from(delegations)
    .innerJoin(accounts, eq(accounts.id, delegations.accountId))
    .innerJoin(enterprises, eq(enterprises.id, delegations.intermediaryId))
    .where(and(eq(delegations.accountId, accountId), eq(delegations.status, "accepted"), eq(accounts.senderId, senderId)))
    .limit(1);
  return row ?? null;
}
