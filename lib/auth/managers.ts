import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { roleAssignments, users } from "@/lib/db/schema";
import type { RoleKind } from "./access";

export interface ManagerSummary {
  name: string;
  email: string | null;
  role: RoleKind;
}

const roleOrder: RoleKind[] = ["gestionnaire-local", "co-gestionnaire-local", "gestionnaire-acces", "responsable-acces", "co-responsable-acces"];

/** Who a user should contact for access to an enterprise + quality (403 page, « Vos responsables »). */
export async function findManagers(q: Queryable, enterpriseId: string, qualityId: number): Promise<ManagerSummary[]> {
  const rows = await q
    .select({ firstName: users.firstName, lastName: users.lastName, email: users.email, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.enterpriseId, enterpriseId), or(eq(roleAssignments.qualityId, qualityId), isNull(roleAssignments.qualityId))));
  return rows
    .map((r) => ({ name: `${r.firstName} ${r.lastName}`, email: r.email, role: r.role }))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.name.localeCompare(b.name));
}
