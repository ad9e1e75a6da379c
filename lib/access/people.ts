import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { recordEvent, type AuditEvent } from "@/lib/audit/record";
import { chamanRights, memberships, roleAssignments, users } from "@/lib/db/schema";
import { checkNiss } from "@/lib/rules/niss";
import { failure, type ServiceResult } from "./service";

export interface PersonRef {
  id: string;
  name: string;
  niss: string;
}

/**
 * A person designated by NISS (seed 003 §5 step 4): the NISS must be valid (SPEC §1) and the person
 * must already be a registered user — said plainly when not, on the field "niss".
 */
export async function findUserByNiss(q: Queryable, input: string): Promise<ServiceResult<{ person: PersonRef }>> {
  const niss = checkNiss(input);
  if (!niss.ok) return failure(niss.code, niss.params, "niss");
  const [row] = await q
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, niss: users.niss })
    .from(users)
    .where(eq(users.niss, niss.value))
    .limit(1);
  if (!row) return failure("access.user-unknown", { niss: niss.formatted }, "niss");
  return { ok: true, person: { id: row.id, name: `${row.firstName} ${row.lastName}`, niss: row.niss } };
}

/**
 * Makes a designated person a member of the enterprise, so its managers can find them (idempotent).
 * A membership created here is marked `viaDesignation`: the person came in through a role, and leaves
 * with their last one (`endMembershipWithLastRole`); an existing membership is left as it is.
 */
export async function ensureMembership(q: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await q.insert(memberships).values({ userId, enterpriseId, viaDesignation: true }).onConflictDoNothing();
}

/**
 * Issue 19: after a role was removed, a person who came into the enterprise only through designation
 * and holds no role there any more leaves it: the membership and their Chaman rights in the enterprise
 * are deleted (so it leaves « Agir pour », its user list and its managers' details), and journaled
 * as `membership.end`. Run inside the removal's transaction. Returns whether the person left.
 */
export async function endMembershipWithLastRole(
  tx: Queryable,
  person: { userId: string; enterpriseId: string },
  audit: Omit<AuditEvent, "action">,
): Promise<boolean> {
  const { userId, enterpriseId } = person;
  const [remaining] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.enterpriseId, enterpriseId)))
    .limit(1);
  if (remaining) return false;
  const [ended] = await tx
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.enterpriseId, enterpriseId), eq(memberships.viaDesignation, true)))
    .returning({ userId: memberships.userId });
  if (!ended) return false;
  const rights = await tx
    .delete(chamanRights)
    .where(and(eq(chamanRights.userId, userId), eq(chamanRights.enterpriseId, enterpriseId)))
    .returning({ qualityId: chamanRights.qualityId });
  await recordEvent(tx, {
    ...audit,
    action: "membership.end",
    targetType: "user",
    targetId: userId,
    summary: { before: { userId, viaDesignation: true, chamanRightQualities: rights.map((r) => r.qualityId) }, reason: "last-role-removed" },
  });
  return true;
}

export async function isMember(q: Queryable, userId: string, enterpriseId: string): Promise<boolean> {
  const [row] = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.enterpriseId, enterpriseId)))
    .limit(1);
  return Boolean(row);
}
