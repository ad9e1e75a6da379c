import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { permissions } from "@/lib/db/schema";
import { localizedName } from "@/lib/i18n/locales";
import { failure, type ServiceResult } from "./service";

export type AccountType = "FTP" | "SFTP" | "SOAP" | "REST";
type PermissionKind = "batch" | "webservice";

/** SPEC §3: batch permissions for FTP/SFTP, web-service permissions for REST, none for SOAP. */
export function permissionKindFor(type: AccountType): PermissionKind | null {
  if (type === "FTP" || type === "SFTP") return "batch";
  if (type === "REST") return "webservice";
  return null;
}

export interface PermissionOption {
  id: number;
  name: string;
}

/** Active permissions of a kind, in catalogue order, named in the user's language. */
export async function listPermissionOptions(q: Queryable, kind: PermissionKind, locale: string): Promise<PermissionOption[]> {
  return (await listPermissionCatalogue(q, [kind], locale))[kind];
}

/** The same for several kinds in one query (the home page shows both dialogs). */
export async function listPermissionCatalogue(
  q: Queryable,
  kinds: readonly PermissionKind[],
  locale: string,
): Promise<Record<PermissionKind, PermissionOption[]>> {
  const rows = await q
    .select({ id: permissions.id, kind: permissions.kind, nameFr: permissions.nameFr, nameNl: permissions.nameNl, nameEn: permissions.nameEn, nameDe: permissions.nameDe })
    .from(permissions)
    .where(and(inArray(permissions.kind, [...kinds]), eq(permissions.active, true)))
    .orderBy(asc(permissions.sortOrder), asc(permissions.id));
  const catalogue: Record<PermissionKind, PermissionOption[]> = { batch: [], webservice: [] };
  for (const row of rows) catalogue[row.kind].push({ id: row.id, name: localizedName(row, locale) });
  return catalogue;
}

/**
 * SPEC §3: at least one permission, each an active one of the kind the account type uses.
 * Ids come from the client, so each is looked up; an unknown or wrong-kind id is refused.
 */
export async function resolvePermissions(
  q: Queryable,
  type: AccountType,
  ids: readonly number[],
): Promise<ServiceResult<{ rows: Array<{ id: number; code: string }> }>> {
  const kind = permissionKindFor(type);
  if (!kind) return { ok: true, rows: [] };
  const unique = [...new Set(ids)];
  if (unique.length === 0) return failure("account.permissions-required", undefined, "permissions");
  const rows = await q
    .select({ id: permissions.id, code: permissions.code })
    .from(permissions)
    .where(and(inArray(permissions.id, unique), eq(permissions.kind, kind), eq(permissions.active, true)));
  if (rows.length !== unique.length) return failure("input.invalid", undefined, "permissions");
  return { ok: true, rows };
}
