import "server-only";
import { and, asc, count, eq, max } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { accountPermissions, permissions } from "@/lib/db/schema";
import { uniqueViolation } from "@/lib/services/result";
import { adminAudit, type AdminActor } from "./admins";
import type { AdminFailure } from "./trust-store";

export type PermissionKind = "batch" | "webservice";
export const PERMISSION_KINDS = ["batch", "webservice"] as const satisfies readonly PermissionKind[];

/** A permission's label in the four languages of the app (SPEC §3: the catalogue is data). */
export interface PermissionNames {
  nameFr: string;
  nameNl: string;
  nameEn: string;
  nameDe: string;
}

export interface CatalogueEntry extends PermissionNames {
  id: number;
  code: string;
  kind: PermissionKind;
  active: boolean;
  /** Batch permissions: the application code of the FI/FS/GO file names (null: none yet). */
  applicationCode: string | null;
  /** Accounts holding it (a retired permission stays on them). */
  holders: number;
}

/** The whole catalogue, retired entries included, by kind then catalogue order. */
export async function listCatalogue(q: Queryable): Promise<CatalogueEntry[]> {
  const held = q
    .select({ permissionId: accountPermissions.permissionId, n: count().as("n") })
    .from(accountPermissions)
    .groupBy(accountPermissions.permissionId)
    .as("held");
  const rows = await q
    .select({
      id: permissions.id, code: permissions.code, kind: permissions.kind, active: permissions.active, applicationCode: permissions.applicationCode,
      nameFr: permissions.nameFr, nameNl: permissions.nameNl, nameEn: permissions.nameEn, nameDe: permissions.nameDe, holders: held.n,
    })
    .from(permissions)
    .leftJoin(held, eq(held.permissionId, permissions.id))
    .orderBy(asc(permissions.kind), asc(permissions.sortOrder), asc(permissions.id));
  return rows.map((r) => ({ ...r, holders: Number(r.holders ?? 0) }));
}

/**
 * Adds a permission to the catalogue (issue 17). `slug` becomes the stable code `batch.<slug>` or
 * `ws.<slug>`; a code in use is refused (admin.errors.codeTaken, unique constraint). Journaled.
 */
export async function addPermission(
  db: Db,
  actor: AdminActor,
  input: { kind: PermissionKind; slug: string } & PermissionNames,
): Promise<{ ok: true; id: number; code: string } | AdminFailure> {
  const code = `${input.kind === "batch" ? "batch" : "ws"}.${input.slug}`;
  try {
    return await db.transaction(async (tx) => {
      const [last] = await tx.select({ n: max(permissions.sortOrder) }).from(permissions).where(eq(permissions.kind, input.kind));
      const names = { nameFr: input.nameFr, nameNl: input.nameNl, nameEn: input.nameEn, nameDe: input.nameDe };
      const [row] = await tx
        .insert(permissions)
        .values({ code, kind: input.kind, ...names, sortOrder: (last?.n ?? 0) + 1 })
        .returning({ id: permissions.id });
      await recordEvent(tx, { ...adminAudit(actor), action: "admin.catalogue.add", targetType: "permission", targetId: code, summary: { before: null, after: { kind: input.kind, ...names } } });
      return { ok: true, id: row!.id, code } as const;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return { ok: false, key: "admin.errors.codeTaken", params: { code } };
    throw error;
  }
}

/** Renames a permission in the four languages; accounts holding it show the new label at once. Journaled. */
export async function renamePermission(db: Db, actor: AdminActor, id: number, names: PermissionNames): Promise<{ ok: true } | AdminFailure> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ code: permissions.code, nameFr: permissions.nameFr, nameNl: permissions.nameNl, nameEn: permissions.nameEn, nameDe: permissions.nameDe })
      .from(permissions)
      .where(eq(permissions.id, id))
      .for("update");
    if (!before) return { ok: false, key: "errors.not-found" } as const;
    const { code, ...old } = before;
    await tx.update(permissions).set(names).where(eq(permissions.id, id));
    await recordEvent(tx, { ...adminAudit(actor), action: "admin.catalogue.rename", targetType: "permission", targetId: code, summary: { before: old, after: names } });
    return { ok: true } as const;
  });
}

/**
 * Retires a permission: it cannot be newly chosen (lib/channels/permissions.ts offers and accepts
 * active ones only) but stays on the accounts that hold it, shown as retired. Journaled.
 */
export async function retirePermission(db: Db, actor: AdminActor, id: number): Promise<{ ok: true } | AdminFailure> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(permissions)
      .set({ active: false })
      .where(and(eq(permissions.id, id), eq(permissions.active, true)))
      .returning({ code: permissions.code });
    if (!row) return { ok: false, key: "errors.not-found" } as const;
    await recordEvent(tx, { ...adminAudit(actor), action: "admin.catalogue.retire", targetType: "permission", targetId: row.code, summary: { before: { status: "active" }, after: { status: "retired" } } });
    return { ok: true } as const;
  });
}
