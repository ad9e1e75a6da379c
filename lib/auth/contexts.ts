import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import {
  chamanRights,
  enterpriseQualities,
  enterprises,
  memberships,
  qualities,
  roleAssignments,
  senders,
  users,
} from "@/lib/db/schema";
import { accessFor, type Access, type RoleKind } from "./access";

export type LocalizedName = { fr: string; nl: string; en: string; de: string };

/** One enterprise + quality a user can act for (seed 003 §4.4 step 4). */
export interface ActingContext extends Access {
  enterpriseQualityId: string;
  enterpriseId: string;
  enterpriseNumber: string;
  enterpriseName: string;
  isTechnicalIntermediary: boolean;
  qualityId: number;
  qualityCode: string;
  qualityName: LocalizedName;
  senderId: string | null;
  senderNumber: string | null;
  roles: RoleKind[];
  hasChamanRight: boolean;
}

interface RoleRow {
  enterpriseId: string;
  qualityId: number | null;
  role: RoleKind;
}

interface RightRow {
  enterpriseId: string;
  qualityId: number;
}

export interface UserSummary {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  niss: string;
}

/**
 * Reads the user's roles and rights from the database; nothing is taken from the session but the id.
 * Two queries — the user with its roles and rights, and the enterprise + quality rows of every enterprise
 * it belongs to — instead of one per table: this runs on every signed-in request (docs/PERFORMANCE.md).
 */
export async function loadContexts(q: Queryable, userId: string): Promise<{ user: UserSummary; contexts: ActingContext[] } | null> {
  const [found, rows] = await Promise.all([
    q
      .select({
        id: users.id,
        username: users.username,
        firstName: users.firstName,
        lastName: users.lastName,
        niss: users.niss,
        roles: sql<RoleRow[]>`coalesce((select json_agg(json_build_object('enterpriseId', ${roleAssignments.enterpriseId}, 'qualityId', ${roleAssignments.qualityId}, 'role', ${roleAssignments.role})) from ${roleAssignments} where ${roleAssignments.userId} = ${userId}), '[]'::json)`,
        rights: sql<RightRow[]>`coalesce((select json_agg(json_build_object('enterpriseId', ${chamanRights.enterpriseId}, 'qualityId', ${chamanRights.qualityId})) from ${chamanRights} where ${chamanRights.userId} = ${userId}), '[]'::json)`,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1),
    q
      .select({
        enterpriseQualityId: enterpriseQualities.id,
        enterpriseId: enterprises.id,
        enterpriseNumber: enterprises.number,
        enterpriseName: enterprises.name,
        isTechnicalIntermediary: enterprises.isTechnicalIntermediary,
        qualityId: qualities.id,
        qualityCode: qualities.code,
        nameFr: qualities.nameFr,
        nameNl: qualities.nameNl,
        nameEn: qualities.nameEn,
        nameDe: qualities.nameDe,
        sortOrder: qualities.sortOrder,
        senderId: senders.id,
        senderNumber: senders.senderNumber,
      })
      .from(enterpriseQualities)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseQualities.enterpriseId))
      .innerJoin(qualities, eq(qualities.id, enterpriseQualities.qualityId))
      .leftJoin(senders, eq(senders.enterpriseQualityId, enterpriseQualities.id))
      // Every enterprise the user has a role, a right or a membership in.
      .where(
        sql`${enterpriseQualities.enterpriseId} in (select ${roleAssignments.enterpriseId} from ${roleAssignments} where ${roleAssignments.userId} = ${userId} union select ${chamanRights.enterpriseId} from ${chamanRights} where ${chamanRights.userId} = ${userId} union select ${memberships.enterpriseId} from ${memberships} where ${memberships.userId} = ${userId})`,
      )
      .orderBy(enterprises.name, qualities.sortOrder),
  ]);
  const [userRow] = found;
  if (!userRow) return null;
  const { roles, rights, ...user } = userRow;

  const contexts = rows.map((row): ActingContext => {
    const ctxRoles = roles
      .filter((r) => r.enterpriseId === row.enterpriseId && (r.qualityId === null || r.qualityId === row.qualityId))
      .map((r) => r.role);
    const hasChamanRight = rights.some((r) => r.enterpriseId === row.enterpriseId && r.qualityId === row.qualityId);
    return {
      enterpriseQualityId: row.enterpriseQualityId,
      enterpriseId: row.enterpriseId,
      enterpriseNumber: row.enterpriseNumber,
      enterpriseName: row.enterpriseName,
      isTechnicalIntermediary: row.isTechnicalIntermediary,
      qualityId: row.qualityId,
      qualityCode: row.qualityCode,
      qualityName: { fr: row.nameFr, nl: row.nameNl, en: row.nameEn, de: row.nameDe },
      senderId: row.senderId,
      senderNumber: row.senderNumber,
      roles: ctxRoles,
      hasChamanRight,
      ...accessFor(ctxRoles, hasChamanRight),
    };
  });
  return { user, contexts };
}
