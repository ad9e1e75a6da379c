import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import type { ActingContext } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { roleAssignments, users } from "@/lib/db/schema";

// Seed 003 §7.1 « Vos responsables »: the gestionnaire local (and co) under « Niveau Qualité », the
// responsable d'accès (and co) under « Niveau Entité », for the enterprise + quality acted for.

export interface Responsables {
  quality: { local: string[]; coLocal: string[]; accessManagers: string[] };
  entity: { responsable: string[]; coResponsables: string[] };
}

export async function loadResponsables(q: Queryable, ctx: ActingContext): Promise<Responsables> {
  const rows = await q
    .select({ role: roleAssignments.role, firstName: users.firstName, lastName: users.lastName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.enterpriseId, ctx.enterpriseId),
        or(eq(roleAssignments.qualityId, ctx.qualityId), isNull(roleAssignments.qualityId)),
      ),
    );
  const names = (role: (typeof rows)[number]["role"]) =>
    rows
      .filter((r) => r.role === role)
      .map((r) => `${r.firstName} ${r.lastName}`)
      .sort((a, b) => a.localeCompare(b));
  return {
    quality: { local: names("gestionnaire-local"), coLocal: names("co-gestionnaire-local"), accessManagers: names("gestionnaire-acces") },
    entity: { responsable: names("responsable-acces"), coResponsables: names("co-responsable-acces") },
  };
}
