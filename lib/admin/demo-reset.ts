import "server-only";
import { count } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { accounts, certificates, delegations, userSessions } from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import type { AdminActor } from "./admins";
import { readDemoClock } from "./clock";

/** What a demo reset puts back, counted before and after (journaled as admin.reset before → after). */
export interface DemoState {
  accounts: number;
  certificates: number;
  delegations: number;
  /** Open sessions: everyone is signed out. */
  sessions: number;
  /** ISO instant of the moved demonstration date, null on the real date. */
  demoDate: string | null;
}

async function demoState(q: Queryable): Promise<DemoState> {
  const total = async (table: typeof accounts | typeof certificates | typeof delegations | typeof userSessions) => Number((await q.select({ n: count() }).from(table))[0]?.n ?? 0);
  const [a, c, d, s, clock] = await Promise.all([total(accounts), total(certificates), total(delegations), total(userSessions), readDemoClock(q)]);
  return { accounts: a, certificates: c, delegations: d, sessions: s, demoDate: clock ? clock.demoDate.toISOString() : null };
}

/**
 * « Réinitialiser la démonstration » (issue 17): the demo data back as first written, everyone signed out,
 * the demonstration clock back on the real date; the audit trail is kept. Journaled as admin.reset with
 * what it reset — accounts, certificates, delegations, open sessions and the demonstration date, before →
 * after (QA: the row said nothing). The journal row has no actor user id: the users were written anew.
 * Only for demo data: the caller checks demoControlsEnabled().
 */
export async function resetDemonstration(db: Db, actor: AdminActor): Promise<{ before: DemoState; after: DemoState }> {
  const before = await demoState(db);
  await resetDemo(db);
  const after = await demoState(db);
  await recordEvent(db, { actorUserId: null, actorLabel: actor.label, ip: actor.ip, action: "admin.reset", targetType: "demo", summary: { before: { ...before }, after: { ...after } } });
  return { before, after };
}
