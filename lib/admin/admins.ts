import "server-only";
import { asc, eq, or } from "drizzle-orm";
import type { AdminFailure } from "./trust-store";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { platformAdmins, users } from "@/lib/db/schema";

/** Who makes an administrative change: a signed-in administrator, or the command line (userId null). */
export interface AdminActor {
  userId: string | null;
  /** « First Last », or "CLI"; kept in the journal. */
  label: string;
  ip: string | null;
}

export const cliActor: AdminActor = { userId: null, label: "CLI", ip: null };

/** The journal fields of an administrative change (no enterprise: the platform itself). */
export function adminAudit(actor: AdminActor) {
  return { actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip };
}

/** Whether the user is a platform administrator (issue 17). Read from the database on every request. */
export async function isPlatformAdmin(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q.select({ id: platformAdmins.userId }).from(platformAdmins).where(eq(platformAdmins.userId, userId)).limit(1);
  return Boolean(row);
}

export type GrantResult = { ok: true; userId: string; alreadyAdmin: boolean } | { ok: false; code: "admin.user-not-found" };

/**
 * Makes a user a platform administrator, found by login name (case-insensitive) or NISS (11 digits).
 * Granting twice is harmless (alreadyAdmin: true, nothing journaled). Journaled as admin.grant.
 */
export async function grantPlatformAdmin(db: Db, actor: AdminActor, who: string): Promise<GrantResult> {
  const key = who.trim();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(or(eq(users.username, key.toLowerCase()), eq(users.niss, key.replace(/[\s.-]/g, ""))))
      .limit(1);
    if (!user) return { ok: false, code: "admin.user-not-found" } as const;
    const inserted = await tx
      .insert(platformAdmins)
      .values({ userId: user.id, grantedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: platformAdmins.userId });
    if (inserted.length === 1) {
      await recordEvent(tx, { ...adminAudit(actor), action: "admin.grant", targetType: "user", targetId: user.id, summary: { before: { admin: false }, after: { admin: true, username: user.username } } });
    }
    return { ok: true, userId: user.id, alreadyAdmin: inserted.length === 0 } as const;
  });
}

/**
 * Removes a user's platform administrator role (issue 17), found like grantPlatformAdmin. Refused:
 * not an administrator (admin-changes.errors.notAdmin), the last administrator (lastAdmin: someone must
 * remain to administer the platform), oneself without `confirmSelf` (selfNeedsConfirmation). Every
 * administrator row is locked first, so two administrators removing each other at once cannot leave
 * none. Journaled as admin.revoke (before → after). Open sessions lose the area on their next request
 * (the role is read from the database on every request).
 */
export async function revokePlatformAdmin(
  db: Db,
  actor: AdminActor,
  who: string,
  options: { confirmSelf?: boolean } = {},
): Promise<{ ok: true; userId: string; username: string } | AdminFailure> {
  const key = who.trim();
  return db.transaction(async (tx) => {
    const admins = await tx.select({ userId: platformAdmins.userId }).from(platformAdmins).for("update");
    const [user] = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(or(eq(users.username, key.toLowerCase()), eq(users.niss, key.replace(/[\s.-]/g, ""))))
      .limit(1);
    if (!user) return { ok: false, key: "admin.errors.userNotFound", params: { who: key } } as const;
    if (!admins.some((a) => a.userId === user.id)) return { ok: false, key: "admin-changes.errors.notAdmin", params: { who: user.username } } as const;
    if (admins.length <= 1) return { ok: false, key: "admin-changes.errors.lastAdmin" } as const;
    if (user.id === actor.userId && !options.confirmSelf) return { ok: false, key: "admin-changes.errors.selfNeedsConfirmation" } as const;
    await tx.delete(platformAdmins).where(eq(platformAdmins.userId, user.id));
    await recordEvent(tx, { ...adminAudit(actor), action: "admin.revoke", targetType: "user", targetId: user.id, summary: { before: { admin: true, username: user.username }, after: { admin: false } } });
    return { ok: true, userId: user.id, username: user.username } as const;
  });
}

/** The administrators, for the « Administration » page. */
export async function listPlatformAdmins(q: Queryable): Promise<Array<{ userId: string; username: string; name: string; grantedAt: Date }>> {
  const rows = await q
    .select({ userId: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName, grantedAt: platformAdmins.grantedAt })
    .from(platformAdmins)
    .innerJoin(users, eq(users.id, platformAdmins.userId))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ userId: r.userId, username: r.username, name: `${r.firstName} ${r.lastName}`, grantedAt: r.grantedAt }));
}
