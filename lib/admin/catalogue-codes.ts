import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { oauthScopes, permissions, qualities } from "@/lib/db/schema";
import { forgetScopeCatalogue } from "@/lib/oauth/scopes";
import { checkApplicationCode, checkScope, type CatalogueCodeFailure } from "@/lib/rules/catalogue-codes";
import { uniqueViolation } from "@/lib/services/result";
import { adminAudit, type AdminActor } from "./admins";
import type { AdminFailure } from "./trust-store";

// Issue 17: the two technical values of a catalogue entry the services outside the web read — the batch
// application code (the batch sandbox, lib/transfer/declarations.ts) and the OAuth scopes per quality (the
// token endpoint, lib/oauth/scopes.ts). The sandbox reads the table on every GO; the token endpoint keeps a
// 30-second copy that a scope edit drops after its commit, so an edit applies at once in this process.

const refusal = (failure: CatalogueCodeFailure): AdminFailure => ({ ok: false, key: `admin-changes.errors.${failure.code}`, params: "params" in failure ? failure.params : undefined });

/** A quality of the app (SPEC §1) with its code and French name, in catalogue order. */
export async function listQualities(q: Queryable): Promise<Array<{ id: number; code: string; nameFr: string; nameNl: string; nameEn: string; nameDe: string }>> {
  return q
    .select({ id: qualities.id, code: qualities.code, nameFr: qualities.nameFr, nameNl: qualities.nameNl, nameEn: qualities.nameEn, nameDe: qualities.nameDe })
    .from(qualities)
    .orderBy(asc(qualities.sortOrder), asc(qualities.id));
}

/**
 * Sets the application code of a batch permission (seed 000 §3; shape: lib/rules/catalogue-codes.ts).
 * Refused: not a batch permission or unknown (errors.not-found), bad shape, a code another permission
 * has (admin-changes.errors.applicationCodeTaken, unique constraint, also under concurrent edits).
 * Journaled as admin.catalogue.application-code, before → after; unchanged → nothing journaled.
 */
export async function setApplicationCode(db: Db, actor: AdminActor, permissionId: number, raw: string): Promise<{ ok: true; code: string; changed: boolean } | AdminFailure> {
  const checked = checkApplicationCode(raw);
  if (!checked.ok) return refusal(checked);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ code: permissions.code, applicationCode: permissions.applicationCode })
        .from(permissions)
        .where(and(eq(permissions.id, permissionId), eq(permissions.kind, "batch")))
        .for("update");
      if (!row) return { ok: false, key: "errors.not-found" } as const;
      if (row.applicationCode === checked.code) return { ok: true, code: checked.code, changed: false } as const;
      // The usual case answered without a failed statement; the unique constraint still decides races.
      const [taken] = await tx.select({ id: permissions.id }).from(permissions).where(and(eq(permissions.applicationCode, checked.code), ne(permissions.id, permissionId)));
      if (taken) return { ok: false, key: "admin-changes.errors.applicationCodeTaken", params: { code: checked.code } } as const;
      await tx.update(permissions).set({ applicationCode: checked.code }).where(eq(permissions.id, permissionId));
      await recordEvent(tx, {
        ...adminAudit(actor), action: "admin.catalogue.application-code", targetType: "permission", targetId: row.code,
        summary: { before: { applicationCode: row.applicationCode }, after: { applicationCode: checked.code } },
      });
      return { ok: true, code: checked.code, changed: true } as const;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return { ok: false, key: "admin-changes.errors.applicationCodeTaken", params: { code: checked.code } };
    throw error;
  }
}

/** Scopes of one permission, by quality code (absent: no scope for that quality). */
export type ScopesByQuality = Record<string, string>;

/**
 * Replaces the OAuth scopes of a web-service permission (RFC 6749 §3.3, seed 003 §6.1): `scopes` maps
 * every quality id to a scope name or "" (none). One scope per quality and permission, and a scope name
 * means one permission within a quality (database constraints): a name another permission already has
 * for that quality is refused (admin-changes.errors.scopeTaken). In one transaction, journaled as
 * admin.catalogue.scopes (by quality code, before → after); unchanged → nothing journaled.
 */
export async function setPermissionScopes(db: Db, actor: AdminActor, permissionId: number, scopes: ReadonlyMap<number, string>): Promise<{ ok: true; changed: boolean } | AdminFailure> {
  const wanted = new Map<number, string>();
  for (const [qualityId, raw] of scopes) {
    const checked = checkScope(raw);
    if (!checked.ok) return refusal(checked);
    if (checked.scope) wanted.set(qualityId, checked.scope);
  }
  try {
    const result = await db.transaction(async (tx) => {
      const [permission] = await tx
        .select({ code: permissions.code })
        .from(permissions)
        .where(and(eq(permissions.id, permissionId), eq(permissions.kind, "webservice")))
        .for("update");
      if (!permission) return { ok: false, key: "errors.not-found" } as const;
      const known = await listQualities(tx);
      if ([...scopes.keys()].some((id) => !known.some((k) => k.id === id))) return { ok: false, key: "errors.input.invalid" } as const;
      const codeOf = (id: number) => known.find((k) => k.id === id)?.code ?? String(id);
      const current = await tx.select({ scope: oauthScopes.scope, qualityId: oauthScopes.qualityId }).from(oauthScopes).where(eq(oauthScopes.permissionId, permissionId));
      for (const [qualityId, scope] of wanted) {
        const [other] = await tx
          .select({ code: permissions.code })
          .from(oauthScopes)
          .innerJoin(permissions, eq(permissions.id, oauthScopes.permissionId))
          .where(and(eq(oauthScopes.scope, scope), eq(oauthScopes.qualityId, qualityId), ne(oauthScopes.permissionId, permissionId)));
        if (other) return { ok: false, key: "admin-changes.errors.scopeTaken", params: { scope, quality: known.find((k) => k.id === qualityId)?.nameFr ?? "", code: other.code } } as const;
      }
      const before: ScopesByQuality = Object.fromEntries(current.map((r) => [codeOf(r.qualityId), r.scope]));
      // Qualities not named keep their scope; named ones get the new value (or none).
      const next = new Map(current.map((r) => [r.qualityId, r.scope]));
      for (const qualityId of scopes.keys()) {
        const scope = wanted.get(qualityId);
        if (scope) next.set(qualityId, scope);
        else next.delete(qualityId);
      }
      const after: ScopesByQuality = Object.fromEntries([...next].map(([id, scope]) => [codeOf(id), scope]));
      if (JSON.stringify(Object.entries(before).sort()) === JSON.stringify(Object.entries(after).sort())) return { ok: true, changed: false } as const;
      await tx.delete(oauthScopes).where(eq(oauthScopes.permissionId, permissionId));
      if (next.size > 0) await tx.insert(oauthScopes).values([...next].map(([qualityId, scope]) => ({ scope, qualityId, permissionId })));
      await recordEvent(tx, {
        ...adminAudit(actor), action: "admin.catalogue.scopes", targetType: "permission", targetId: permission.code,
        summary: { before: { scopes: before }, after: { scopes: after } },
      });
      return { ok: true, changed: true } as const;
    });
    // After the commit: the token endpoint's cached catalogue (lib/oauth/scopes.ts) is read afresh.
    if (result.ok && result.changed) forgetScopeCatalogue();
    return result;
  } catch (error) {
    // Two administrators giving the same name to two permissions at once: the primary key decides.
    if (uniqueViolation(error) !== null) return { ok: false, key: "admin-changes.errors.scopeTakenConcurrently" };
    throw error;
  }
}
