"use server";

import { and, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Problem } from "@/lib/actions/form-state";
import { getActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { accounts, delegations } from "@/lib/db/schema";
import type { AssertionRule } from "@/lib/oauth/client-assertion";
import { checkAssertionReadOnly } from "@/lib/oauth/checker";
import { ASSERTION_MAX_LENGTH, oauthUrls } from "@/lib/oauth/config";
import type { ReasonParams } from "@/lib/oauth/reasons";

// « Tester l'accès »: the assertion checker of one REST account (issue 14). Signed in → Chaman access for the
// sender → the account is its own REST account or one delegated to it → input shape; never spends the jti.

export type CheckerState =
  | { status: "idle" }
  | { status: "error"; formError: Problem; fieldErrors: Record<string, Problem> }
  | { status: "success"; ok: boolean; lines: Array<{ rule: AssertionRule; status: "ok" | "failed" | "skipped"; reason?: string; params?: ReasonParams }> };

const input = z.object({ accountId: z.uuid(), assertion: z.string().refine((v) => v.trim() !== "").max(ASSERTION_MAX_LENGTH + 2) });
const refused = (key: string): CheckerState => ({ status: "error", formError: { key }, fieldErrors: {} });

export async function checkAssertionAction(_previous: CheckerState, formData: FormData): Promise<CheckerState> {
  const actor = await getActor();
  if (!actor) return refused("errors.auth.required");
  const ctx = actor.current;
  if (!ctx?.chamanAccess || !ctx.senderId) return refused("errors.access.denied");
  const parsed = input.safeParse({ accountId: formData.get("accountId"), assertion: formData.get("assertion") });
  if (!parsed.success) {
    if (!z.uuid().safeParse(formData.get("accountId")).success) return refused("errors.not-found");
    const long = String(formData.get("assertion") ?? "").trim().length > ASSERTION_MAX_LENGTH;
    const problem = long ? { key: "errors.input.too-long", params: { max: ASSERTION_MAX_LENGTH } } : { key: "errors.input.required" };
    return { status: "error", formError: problem, fieldErrors: { assertion: problem } };
  }
  const db = await getDb();
  // The sender's own REST account, or one delegated to the acting enterprise (SPEC §5: the technical
  // intermediary signs with the certificates it manages, so it tests the access too).
  const delegatedToActor = sql`${accounts.id} in (select ${delegations.accountId} from ${delegations} where ${delegations.intermediaryId} = ${ctx.enterpriseId} and ${delegations.status} = 'accepted')`;
  const [account] = await db
    .select({ clientId: accounts.clientId })
    .from(accounts)
    .where(and(eq(accounts.id, parsed.data.accountId), eq(accounts.type, "REST"), or(eq(accounts.senderId, ctx.senderId), delegatedToActor)))
    .limit(1);
  if (!account?.clientId) return refused("errors.not-found");
  const report = await checkAssertionReadOnly(db, oauthUrls(), parsed.data.assertion, account.clientId);
  return { status: "success", ok: report.ok, lines: report.lines.map(({ rule, status, reason, params }) => ({ rule, status, ...(reason ? { reason } : {}), ...(params ? { params } : {}) })) };
}
