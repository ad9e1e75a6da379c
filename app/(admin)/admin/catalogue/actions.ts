"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { addPermission, PERMISSION_KINDS, renamePermission, retirePermission } from "@/lib/admin/catalogue";
import { adminForAction } from "@/lib/admin/guard";

// Permission catalogue (SPEC §3, issue 17): signed in → platform administrator (else errors.not-found)
// → input valid (Zod) → the service's rule (unique code, entry exists).

const label = z.string().trim().min(1).max(200);
const namesSchema = z.object({ nameFr: label, nameNl: label, nameEn: label, nameDe: label });
const names = (f: FormData) => ({ nameFr: f.get("nameFr"), nameNl: f.get("nameNl"), nameEn: f.get("nameEn"), nameDe: f.get("nameDe") });
const idSchema = z.coerce.number().int().positive();

/** Adds a batch or web-service permission with its four labels. */
export async function addPermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const parsed = namesSchema
    .extend({ kind: z.enum(PERMISSION_KINDS), slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,40}$/) })
    .safeParse({ ...names(formData), kind: formData.get("kind"), slug: formData.get("slug") });
  if (!parsed.success) return formError("admin.errors.permissionInvalid");
  const added = await addPermission(ctx.db, ctx.admin, parsed.data);
  if (!added.ok) return formError(added.key, added.params);
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin.catalogue.added", params: { code: added.code } } };
}

/** Renames a permission in FR/NL/EN/DE. */
export async function renamePermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const id = idSchema.safeParse(formData.get("permissionId"));
  const parsed = namesSchema.safeParse(names(formData));
  if (!id.success || !parsed.success) return formError("admin.errors.permissionInvalid");
  const renamed = await renamePermission(ctx.db, ctx.admin, id.data, parsed.data);
  if (!renamed.ok) return formError(renamed.key);
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin.catalogue.renamed" } };
}

/** Retires a permission: no longer offered, kept on the accounts holding it. */
export async function retirePermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const id = idSchema.safeParse(formData.get("permissionId"));
  if (!id.success) return formError("errors.input.invalid");
  const retired = await retirePermission(ctx.db, ctx.admin, id.data);
  if (!retired.ok) return formError(retired.key);
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin.catalogue.retired" } };
}
