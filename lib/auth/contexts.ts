import "server-only";
import { eq, inArray } from "drizzle-orm";
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

export interface UserSummary {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  niss: string;
}

/** Reads the user's roles and rights from the database; nothing is taken from the session but the id. */
export async function loadContexts(q: Queryable, userId: string): Promise<{ user: UserSummary; contexts: ActingContext[] } | null> {
  const [user] = await q
    .select({ id: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName, niss: users.niss })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;

  const [roles, rights, members] = await Promise.all([
    q.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)),
    q.select().from(chamanRights).where(eq(chamanRights.userId, userId)),
    q.select().from(memberships).where(eq(memberships.userId, userId)),
  ]);
  const enterpriseIds = [
    ...new Set([...roles.map((r) => r.enterpriseId), ...rights.map((r) => r.enterpriseId), ...members.map((m) => m.enterpriseId)]),
  ];
  if (enterpriseIds.length === 0) return { user, contexts: [] };

  const rows = await q
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
    .where(inArray(enterpriseQualities.enterpriseId, enterpriseIds))
    .orderBy(enterprises.name, qualities.sortOrder);

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
