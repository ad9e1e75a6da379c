import "server-only";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { RoleKind } from "@/lib/auth/access";
import type { Db, Queryable } from "@/lib/db/client";
import { roleAssignments, users } from "@/lib/db/schema";
import { endMembershipWithLastRole, ensureMembership, findUserByNiss } from "./people";
import { failure, uniqueViolation, type ServiceActor, type ServiceResult } from "./service";
import { auditActor } from "@/lib/services/result";

// Co-managers, named by NISS (seed 003 §7.1): co-responsables d'accès at entity level (by the
// responsable d'accès), co-gestionnaires locaux per quality (by the gestionnaire local or a co).

type CoRole = "co-responsable-acces" | "co-gestionnaire-local";

function mayManage(actor: ServiceActor, role: CoRole): boolean {
  return role === "co-responsable-acces" ? actor.ctx.canManageQualities : actor.ctx.canManageRights;
}

/** The roles that already make the person a manager at that level (no need to add a co-role). */
function sameLevelRoles(role: CoRole): RoleKind[] {
  return role === "co-responsable-acces" ? ["responsable-acces", "co-responsable-acces"] : ["gestionnaire-local", "co-gestionnaire-local"];
}

export async function addCoManager(
  db: Db,
  actor: ServiceActor,
  input: { role: CoRole; niss: string },
): Promise<ServiceResult<{ name: string }>> {
  const { ctx } = actor;
  if (!mayManage(actor, input.role)) return failure("access.denied");
  const found = await findUserByNiss(db, input.niss);
  if (!found.ok) return found;
  const person = found.person;
  const qualityId = input.role === "co-responsable-acces" ? null : ctx.qualityId;
  try {
    return await db.transaction(async (tx) => {
      const existing = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, person.id),
            eq(roleAssignments.enterpriseId, ctx.enterpriseId),
            qualityId === null ? isNull(roleAssignments.qualityId) : eq(roleAssignments.qualityId, qualityId),
            inArray(roleAssignments.role, sameLevelRoles(input.role)),
          ),
        )
        .limit(1);
      if (existing.length > 0) return failure("access.role-already-assigned", { name: person.name }, "niss");
      const [row] = await tx
        .insert(roleAssignments)
        .values({ userId: person.id, enterpriseId: ctx.enterpriseId, qualityId, role: input.role })
        .returning({ id: roleAssignments.id });
      await ensureMembership(tx, person.id, ctx.enterpriseId);
      await recordEvent(tx, {
        ...auditActor(actor),
        qualityId,
        senderId: qualityId === null ? null : ctx.senderId,
        action: "role.assign",
        targetType: "role-assignment",
        targetId: row!.id,
        targetLabel: person.name,
        summary: { after: { role: input.role, person: person.name } },
      });
      return { ok: true as const, name: person.name };
    });
  } catch (error) {
    // The unique (user, enterprise, quality, role) constraint decides between concurrent designations.
    if (uniqueViolation(error) !== null) return failure("access.role-already-assigned", { name: person.name }, "niss");
    throw error;
  }
}

/** The roles that count as a manager of one level: the quality's, or the entity's (quality null). */
function managerRolesOf(qualityId: number | null): RoleKind[] {
  return qualityId === null ? ["responsable-acces", "co-responsable-acces"] : ["gestionnaire-local", "co-gestionnaire-local"];
}

/**
 * Removes a co-role; the id is looked up within the actor's enterprise (and quality), never trusted.
 * Refused with `access.confirm-self-removal` when it is the actor's own role and `confirmSelf` is not
 * set (the page asks first), and with `access.last-manager` when it would leave the quality (or the
 * entity) without any manager — the level's role rows are locked, so two concurrent removals cannot
 * both pass. A person from another enterprise who loses here their last role leaves the enterprise
 * (issue 19, `endMembershipWithLastRole`).
 */
export async function removeCoManager(db: Db, actor: ServiceActor, input: { assignmentId: string; confirmSelf?: boolean }): Promise<ServiceResult<{ leftEnterprise: boolean }>> {
  const { ctx } = actor;
  const removable = [
    ctx.canManageQualities ? and(eq(roleAssignments.role, "co-responsable-acces"), isNull(roleAssignments.qualityId)) : undefined,
    ctx.canManageRights ? and(eq(roleAssignments.role, "co-gestionnaire-local"), eq(roleAssignments.qualityId, ctx.qualityId)) : undefined,
  ].filter((condition) => condition !== undefined);
  if (removable.length === 0) return failure("access.denied");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: roleAssignments.id, role: roleAssignments.role, qualityId: roleAssignments.qualityId, userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, input.assignmentId), eq(roleAssignments.enterpriseId, ctx.enterpriseId), or(...removable)));
    if (!target) return failure("not-found");
    const [person] = await tx.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, target.userId));
    if (target.userId === actor.userId && !input.confirmSelf) return failure("access.confirm-self-removal");
    // Every manager row of the level is locked, always in id order, so concurrent removals wait for
    // each other (no deadlock) and the last one sees what the first left.
    const managers = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.enterpriseId, ctx.enterpriseId),
          target.qualityId === null ? isNull(roleAssignments.qualityId) : eq(roleAssignments.qualityId, target.qualityId),
          inArray(roleAssignments.role, managerRolesOf(target.qualityId)),
        ),
      )
      .orderBy(asc(roleAssignments.id))
      .for("update");
    if (!managers.some((m) => m.id === target.id)) return failure("not-found");
    if (managers.length <= 1) return failure("access.last-manager");
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, target.id));
    const audit = { ...auditActor(actor), qualityId: target.qualityId };
    await recordEvent(tx, {
      ...audit,
      action: "role.remove",
      targetType: "role-assignment",
      targetId: target.id,
      targetLabel: person ? `${person.firstName} ${person.lastName}` : null,
      summary: { before: { role: target.role, userId: target.userId } },
    });
    const personLabel = person ? `${person.firstName} ${person.lastName}` : null;
    const leftEnterprise = await endMembershipWithLastRole(tx, { userId: target.userId, enterpriseId: ctx.enterpriseId }, { ...audit, qualityId: null, targetLabel: personLabel });
    return { ok: true as const, leftEnterprise };
  });
}

/** The role holders of the actor's enterprise at one level: a quality's, or the entity's (quality null). */
async function roleHolders(q: Queryable, enterpriseId: string, qualityId: number | null, actorUserId: string) {
  const rows = await q
    .select({ id: roleAssignments.id, role: roleAssignments.role, userId: roleAssignments.userId, firstName: users.firstName, lastName: users.lastName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.enterpriseId, enterpriseId), qualityId === null ? isNull(roleAssignments.qualityId) : eq(roleAssignments.qualityId, qualityId)))
    .orderBy(asc(roleAssignments.role), asc(users.lastName));
  return { ok: true as const, managers: rows.map((r) => ({ id: r.id, userId: r.userId, role: r.role, name: `${r.firstName} ${r.lastName}`, isSelf: r.userId === actorUserId })) };
}

/** Gestionnaire local and co-gestionnaires of the actor's quality. */
export async function listQualityManagers(q: Queryable, actor: ServiceActor) {
  if (!actor.ctx.canManageRights) return failure("access.denied");
  return roleHolders(q, actor.ctx.enterpriseId, actor.ctx.qualityId, actor.userId);
}

/** Entity-level roles of the enterprise (responsable d'accès, co-responsables), for the access page. */
export async function listEntityManagers(q: Queryable, actor: ServiceActor) {
  if (!actor.ctx.canManageQualities) return failure("access.denied");
  return roleHolders(q, actor.ctx.enterpriseId, null, actor.userId);
}
