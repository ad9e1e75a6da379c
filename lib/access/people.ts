import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
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

/** Makes the person a member of the enterprise, so its managers can find them (idempotent). */
export async function ensureMembership(q: Queryable, userId: string, enterpriseId: string): Promise<void> {
  await q.insert(memberships).values({ userId, enterpriseId }).onConflictDoNothing();
}

export async function isMember(q: Queryable, userId: string, enterpriseId: string): Promise<boolean> {
  const [row] = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.enterpriseId, enterpriseId)))
    .limit(1);
  return Boolean(row);
}
