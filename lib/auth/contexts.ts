import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import {
  chamanRights,
  roleAssignments,
  userSessions,
  users,
} from "@/lib/db/schema";
import { accessFor, type Access, type RoleKind } from "./access";
import type { SessionPolicy } from "./session-policy";

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
  /** SPEC §2: the sender has its contact person (else the channel screens send to « Données de contact »). */
  hasContact: boolean;
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
  /** Platform administrator (issue 17; not an enterprise role). */
  platformAdmin: boolean;
}

/** A context as the query returns it: the quality's name in four columns, no access computed yet. */
type ContextRow = Omit<ActingContext, keyof Access | "qualityName" | "roles" | "hasChamanRight"> & {
  nameFr: string;
  nameNl: string;
  nameEn: string;
  nameDe: string;
};

/** The columns of the user, its roles, rights and contexts (one row; see loadContexts). */
function contextColumns(userId: string) {
  return {
    id: users.id,
    username: users.username,
    firstName: users.firstName,
    lastName: users.lastName,
    niss: users.niss,
    platformAdmin: sql<boolean>`exists (select 1 from platform_admins pa where pa.user_id = ${userId})`,
    roles: sql<RoleRow[]>`coalesce((select json_agg(json_build_object('enterpriseId', ${roleAssignments.enterpriseId}, 'qualityId', ${roleAssignments.qualityId}, 'role', ${roleAssignments.role})) from ${roleAssignments} where ${roleAssignments.userId} = ${userId}), '[]'::json)`,
    rights: sql<RightRow[]>`coalesce((select json_agg(json_build_object('enterpriseId', ${chamanRights.enterpriseId}, 'qualityId', ${chamanRights.qualityId})) from ${chamanRights} where ${chamanRights.userId} = ${userId}), '[]'::json)`,
    // Plain SQL with aliases: drizzle writes columns unqualified inside a select, which is ambiguous here.
    contexts: sql<ContextRow[]>`coalesce((
      select json_agg(json_build_object(
        'enterpriseQualityId', eq.id, 'enterpriseId', e.id, 'enterpriseNumber', e.number, 'enterpriseName', e.name,
        'isTechnicalIntermediary', e.is_technical_intermediary, 'qualityId', q.id, 'qualityCode', q.code,
        'nameFr', q.name_fr, 'nameNl', q.name_nl, 'nameEn', q.name_en, 'nameDe', q.name_de,
        'senderId', s.id, 'senderNumber', s.sender_number,
        'hasContact', exists (select 1 from contacts c where c.sender_id = s.id)
      ) order by e.name, q.sort_order)
      from enterprise_qualities eq
      join enterprises e on e.id = eq.enterprise_id
      join qualities q on q.id = eq.quality_id
      left join senders s on s.enterprise_quality_id = eq.id
      -- every enterprise the user has a role, a right or a membership in
      where eq.enterprise_id in (
        select enterprise_id from role_assignments where user_id = ${userId}
        union select enterprise_id from chaman_rights where user_id = ${userId}
        union select enterprise_id from memberships where user_id = ${userId})
    ), '[]'::json)`,
  };
}

type ContextColumnsRow = UserSummary & { roles: RoleRow[]; rights: RightRow[]; contexts: ContextRow[] };

/** The user and its acting contexts, with the access each one gives (lib/auth/access.ts). */
function toContexts(userRow: ContextColumnsRow): { user: UserSummary; contexts: ActingContext[] } {
  const { roles, rights, contexts: rows, ...user } = userRow;
  const contexts = rows.map(({ nameFr, nameNl, nameEn, nameDe, ...row }): ActingContext => {
    const ctxRoles = roles
      .filter((r) => r.enterpriseId === row.enterpriseId && (r.qualityId === null || r.qualityId === row.qualityId))
      .map((r) => r.role);
    const hasChamanRight = rights.some((r) => r.enterpriseId === row.enterpriseId && r.qualityId === row.qualityId);
    return {
      ...row,
      qualityName: { fr: nameFr, nl: nameNl, en: nameEn, de: nameDe },
      roles: ctxRoles,
      hasChamanRight,
      ...accessFor(ctxRoles, hasChamanRight),
    };
  });
  return { user, contexts };
}

/**
 * Reads the user's roles and rights from the database; nothing is taken from the session but the id.
 * One query — the user with its roles, its rights and the enterprise + quality rows of every enterprise
 * it belongs to, as JSON aggregates — because it runs on every signed-in request and, on the embedded
 * database, each round trip costs about a millisecond of the server's only thread (docs/PERFORMANCE.md).
 */
export async function loadContexts(q: Queryable, userId: string): Promise<{ user: UserSummary; contexts: ActingContext[] } | null> {
  const [userRow] = await q.select(contextColumns(userId)).from(users).where(eq(users.id, userId)).limit(1);
  return userRow ? toContexts(userRow) : null;
}

/** What the session record says about a request's session cookie (issue 18). */
export type SessionCheck =
  | { state: "open"; user: UserSummary; contexts: ActingContext[]; touchDue: boolean; expiresAt: Date }
  /** Past its idle timeout or absolute lifetime but not yet marked ended: the caller ends it as expired. */
  | { state: "lapsed" }
  /** Unknown id, another user's, or ended (signed out, closed, expired, membership removed). */
  | { state: "refused" };

/**
 * loadContexts for a request: the same single query also reads the session record (primary-key lookup
 * joined to the user), so checking the session costs no extra round trip. The times are compared on the
 * database clock, the same for every app instance. `touchDue`: « last seen » is older than the throttle
 * interval (lib/auth/sessions.ts touchSession); `expiresAt`: when the session ends if not used again
 * (the earlier of its absolute end and « last seen » + idle timeout).
 */
export async function loadSessionContexts(q: Queryable, session: { sessionId: string; userId: string }, policy: SessionPolicy): Promise<SessionCheck> {
  const [row] = await q
    .select({
      ...contextColumns(session.userId),
      ended: sql<boolean>`"user_sessions"."ended_at" is not null`,
      lapsed: sql<boolean>`("user_sessions"."expires_at" <= now() or "user_sessions"."last_seen_at" <= now() - make_interval(secs => ${policy.idleSeconds}))`,
      touchDue: sql<boolean>`"user_sessions"."last_seen_at" <= now() - make_interval(secs => ${policy.touchSeconds})`,
      // Epoch seconds as float8: a plain number from both drivers.
      expiresAt: sql<number>`extract(epoch from least("user_sessions"."expires_at", "user_sessions"."last_seen_at" + make_interval(secs => ${policy.idleSeconds})))::float8`,
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, session.sessionId), eq(userSessions.userId, users.id)))
    .where(eq(users.id, session.userId))
    .limit(1);
  if (!row || row.ended) return { state: "refused" };
  if (row.lapsed) return { state: "lapsed" };
  const { ended: _ended, lapsed: _lapsed, touchDue, expiresAt, ...userRow } = row;
  return { state: "open", touchDue, expiresAt: new Date(expiresAt * 1000), ...toContexts(userRow) };
}
