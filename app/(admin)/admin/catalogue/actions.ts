"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, type FormState, type Problem } from "@/lib/actions/form-state";
import { addPermission, PERMISSION_KINDS, renamePermission, retirePermission } from "@/lib/admin/catalogue";
import { setApplicationCode, setPermissionScopes } from "@/lib/admin/catalogue-codes";
import { adminForAction } from "@/lib/admin/guard";
import { checkApplicationCode, checkPermissionCode, checkScope, type CatalogueCodeFailure } from "@/lib/rules/catalogue-codes";
import { checkLabels } from "./labels";

// Permission catalogue (SPEC §3, issue 17): signed in → platform administrator (else errors.not-found)
// → input valid (Zod; each label checked with its own message) → the service's rule (unique code, entry exists).

const idSchema = z.coerce.number().int().positive();
/** A refused code or scope as the message shown beside its field (admin-changes.errors.*). */
const problemOf = (failure: CatalogueCodeFailure): Problem => ({ key: `admin-changes.errors.${failure.code}`, params: "params" in failure ? failure.params : undefined });
const unchanged = { status: "success", message: { key: "admin-changes.catalogue.unchanged" } } as const satisfies FormState;

/** Adds a batch or web-service permission with its four labels. */
export async function addPermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const kind = z.enum(PERMISSION_KINDS).safeParse(formData.get("kind"));
  if (!kind.success) return formError("errors.input.invalid");
  // Every refused field at once, each beside its field.
  const labels = checkLabels(formData);
  const rawSlug = formData.get("slug");
  const slug = checkPermissionCode(typeof rawSlug === "string" ? rawSlug : "");
  if (!labels.ok || !slug.ok) {
    const fieldErrors = !labels.ok && labels.state.status === "error" ? labels.state.fieldErrors : {};
    return { status: "error", fieldErrors: slug.ok ? fieldErrors : { slug: problemOf(slug), ...fieldErrors } };
  }
  const added = await addPermission(ctx.db, ctx.admin, { kind: kind.data, slug: slug.slug, ...labels.names });
  if (!added.ok) return formError(added.key, added.params);
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin.catalogue.added", params: { code: added.code } } };
}

/** Renames a permission in FR/NL/EN/DE (all four required, each refused with its own message). */
export async function renamePermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const id = idSchema.safeParse(formData.get("permissionId"));
  if (!id.success) return formError("errors.input.invalid");
  const labels = checkLabels(formData);
  if (!labels.ok) return labels.state;
  const renamed = await renamePermission(ctx.db, ctx.admin, id.data, labels.names);
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

/** Sets a batch permission's application code (FI/FS/GO file names; read by the batch sandbox). */
export async function setApplicationCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const id = idSchema.safeParse(formData.get("permissionId"));
  const code = z.string().safeParse(formData.get("applicationCode") ?? "");
  if (!id.success || !code.success) return formError("errors.input.invalid");
  const checked = checkApplicationCode(code.data);
  if (!checked.ok) return { status: "error", fieldErrors: { applicationCode: problemOf(checked) } };
  const saved = await setApplicationCode(ctx.db, ctx.admin, id.data, code.data);
  if (!saved.ok) return formError(saved.key, saved.params);
  if (!saved.changed) return unchanged;
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin-changes.catalogue.applicationCodeSaved", params: { code: saved.code } } };
}

/** Sets a web-service permission's OAuth scope for each quality (fields `scope-<qualityId>`; read by the token endpoint). */
export async function setScopesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return formError("errors.not-found");
  const id = idSchema.safeParse(formData.get("permissionId"));
  if (!id.success) return formError("errors.input.invalid");
  const scopes = new Map<number, string>();
  const fieldErrors: Record<string, Problem> = {};
  for (const [name, value] of formData.entries()) {
    const quality = /^scope-(\d{1,6})$/.exec(name);
    if (!quality) continue;
    if (typeof value !== "string") return formError("errors.input.invalid");
    // The request size is bounded by the server (proxy.ts); a long value gets its length in the message.
    const checked = checkScope(value);
    if (!checked.ok) fieldErrors[name] = problemOf(checked);
    scopes.set(Number(quality[1]), value);
  }
  if (scopes.size === 0 || scopes.size > 20) return formError("errors.input.invalid");
  if (Object.keys(fieldErrors).length > 0) return { status: "error", fieldErrors };
  const saved = await setPermissionScopes(ctx.db, ctx.admin, id.data, scopes);
  if (!saved.ok) return formError(saved.key, saved.params);
  if (!saved.changed) return unchanged;
  revalidatePath("/admin/catalogue");
  return { status: "success", message: { key: "admin-changes.catalogue.scopesSaved" } };
}
