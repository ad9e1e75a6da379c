// Shared setup of the delegation integration tests (certificates.int.test.ts, delegation-end.int.test.ts).
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { actorFor } from "@/lib/access/test-support";
import type { ServiceActor } from "@/lib/access/service";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { acceptDelegation } from "./decisions";
import { requestFromEnterprise } from "./requests";

export interface AcceptedDelegation {
  /** Claire, manager of Boulangerie Dupont: the enterprise side. */
  claire: ServiceActor;
  /** Ivan, of Digital Services (0456.789.034): the technical intermediary. */
  ivan: ServiceActor;
  /** Dupont's REST account « Dupont Dimona REST ». */
  accountId: string;
  delegationId: string;
}

/**
 * Resets the demo data, then Claire delegates « Dupont Dimona REST » to Digital Services and Ivan accepts
 * (SPEC §5): the state every test of a delegated account's certificates starts from. Call in beforeEach.
 */
export async function acceptedDupontDelegation(db: Db): Promise<AcceptedDelegation> {
  await resetDemo(db);
  const claire = await actorFor(db, "claire");
  const ivan = await actorFor(db, "ivan");
  const accountId = (await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.name, "Dupont Dimona REST")))[0]!.id;
  const request = await requestFromEnterprise(db, claire, { accountId, intermediaryNumber: "0456789034" });
  assert.ok(request.ok);
  const delegationId = request.delegationId;
  assert.ok((await acceptDelegation(db, ivan, { delegationId })).ok);
  return { claire, ivan, accountId, delegationId };
}
