import "server-only";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { RoleKind } from "@/lib/auth/access";
import type { Db, Queryable } from "@/lib/db/client";
import { chamanRights, memberships, roleAssignments, users } from "@/lib/db/schema";
import { failure, type ServiceActor, type ServiceResult } from "./service";
import { auditActor } from "@/lib/services/result";

// SPEC §1, FAQ « Comment obtenir la permission pour un utilisateur classique ? »: the gestionnaire local
// (and co-gestionnaires) grant or revoke « Chaman - Gestion des canaux techniques » to the
// enterprise's users, for the quality they act for. Roles and rights are read from the database on
// every request (lib/auth/current.ts), so a revocation applies at the user's next request.

export interface MemberRow {
  userId: string;
  name: string;
  niss: string;
  hasRight: boolean;
  /** Manager roles for this quality or the entity: Chaman access without the right. */
  roles: RoleKind[];
}

const MAX_LISTED = 100;

/** The enterprise's users, optionally filtered by NISS (digits) or name. */
export async function listMembers(q: Queryable, actor: ServiceActor, search = ""): Promise<ServiceResult<{ members: MemberRow[] }>> {
  const { ctx } = actor;
  if (!ctx.canManageRights) return failure("access.denied");
  const term = search.trim().slice(0, 100);
  const digits = term.replace(/[\s.\-/]/g, "");
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const filter =
    term === ""
      ? undefined
      : /^[0-9]+$/.test(digits)
        ? ilike(users.niss, `%${digits}%`)
        : or(ilike(users.firstName, pattern), ilike(users.lastName, pattern), ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern));
  const rows = await q
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName, niss: users.niss })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.enterpriseId, ctx.enterpriseId), filter))
    .orderBy(asc(users.lastName), asc(users.firstName))
    .limit(MAX_LISTED);
  const ids = rows.map((r) => r.userId);
  const [rights, roles] = ids.length
    ? await Promise.all([
        q
          .select({ userId: chamanRights.userId })
          .from(chamanRights)
          .where(and(inArray(chamanRights.userId, ids), eq(chamanRights.enterpriseId, ctx.enterpriseId), eq(chamanRights.qualityId, ctx.qualityId))),
        q
          .select({ userId: roleAssignments.userId, role: roleAssignments.role, qualityId: roleAssignments.qualityId })
          .from(roleAssignments)
          .where(and(inArray(roleAssignments.userId, ids), eq(roleAssignments.enterpriseId, ctx.enterpriseId))),
      ])
    : [[], []];
  return {
    ok: true,
    members: rows.map((r) => ({
      userId: r.userId,
      name: `${r.firstName} ${r.lastName}`,
      niss: r.niss,
      hasRight: rights.some((x) => x.userId === r.userId),
      roles: roles.filter((x) => x.userId === r.userId && (x.qualityId === null || x.qualityId === ctx.qualityId)).map((x) => x.role),
    })),
  };
}

/** The target must be a user of the actor's enterprise; any other id is "not found" and changes nothing. */
async function memberName(q: Queryable, userId: string, enterpriseId: string): Promise<string | null> {
  const [row] = await q
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.enterpriseId, enterpriseId)))
    .limit(1);
  return row ? `${row.firstName} ${row.lastName}` : null;
}

export async function grantChamanRight(db: Db, actor: ServiceActor, input: { userId: string }): Promise<ServiceResult<{ name: string }>> {
  const { ctx } = actor;
  if (!ctx.canManageRights) return failure("access.denied");
  return db.transaction(async (tx) => {
    const name = await memberName(tx, input.userId, ctx.enterpriseId);
    if (!name) return failure("not-found");
    // The primary key (user, enterprise, quality) makes a concurrent double grant a no-op.
    const inserted = await tx
      .insert(chamanRights)
      .values({ userId: input.userId, enterpriseId: ctx.enterpriseId, qualityId: ctx.qualityId, grantedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: chamanRights.userId });
    if (inserted.length === 0) return failure("access.already-granted", { name });
    await recordEvent(tx, {
      ...auditActor(actor),
      senderId: ctx.senderId,
      action: "chaman-right.grant",
      targetType: "user",
      targetId: input.userId,
      targetLabel: name,
      summary: { after: { user: name, right: "chaman-gestion-canaux-techniques" } },
    });
    return { ok: true as const, name };
  });
}

export async function revokeChamanRight(db: Db, actor: ServiceActor, input: { userId: string }): Promise<ServiceResult<{ name: string }>> {
  const { ctx } = actor;
  if (!ctx.canManageRights) return failure("access.denied");
  return db.transaction(async (tx) => {
    const name = await memberName(tx, input.userId, ctx.enterpriseId);
    if (!name) return failure("not-found");
    const removed = await tx
      .delete(chamanRights)
      .where(and(eq(chamanRights.userId, input.userId), eq(chamanRights.enterpriseId, ctx.enterpriseId), eq(chamanRights.qualityId, ctx.qualityId)))
      .returning({ userId: chamanRights.userId });
    if (removed.length === 0) return failure("not-found");
    await recordEvent(tx, {
      ...auditActor(actor),
      senderId: ctx.senderId,
      action: "chaman-right.revoke",
      targetType: "user",
      targetId: input.userId,
      targetLabel: name,
      summary: { before: { user: name, right: "chaman-gestion-canaux-techniques" } },
    });
    return { ok: true as const, name };
  });
}
