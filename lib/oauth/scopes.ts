import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accountPermissions, oauthScopes, permissions, qualities } from "@/lib/db/schema";
import { oauthError, type OAuthError } from "./errors";

// RFC 6749 §3.3 scopes, as data (oauth_scopes, seeded from lib/db/seed/catalogue.ts): a scope is granted to a
// REST account when the catalogue maps it to the account's quality and the account holds that permission.

export interface ScopeCatalogueEntry {
  scope: string;
  qualityId: number;
  qualityName: string;
  permissionId: number;
  permissionName: string;
}

/** The whole scope catalogue (a handful of rows), with French names for the error descriptions. */
export async function loadScopeCatalogue(q: Queryable): Promise<ScopeCatalogueEntry[]> {
  return q
    .select({ scope: oauthScopes.scope, qualityId: oauthScopes.qualityId, qualityName: qualities.nameFr, permissionId: oauthScopes.permissionId, permissionName: permissions.nameFr })
    .from(oauthScopes)
    .innerJoin(qualities, eq(qualities.id, oauthScopes.qualityId))
    .innerJoin(permissions, eq(permissions.id, oauthScopes.permissionId));
}

/**
 * What the token endpoint needs in one query: the scope catalogue, the account's quality name, and which of the
 * catalogue's permissions the account holds (the catalogue is a handful of rows).
 */
export async function scopeContext(q: Queryable, account: { accountId: string; qualityId: number }): Promise<{ catalogue: ScopeCatalogueEntry[]; qualityName: string; permissionIds: number[] }> {
  const rows = await q
    .select({
      scope: oauthScopes.scope,
      qualityId: oauthScopes.qualityId,
      qualityName: qualities.nameFr,
      permissionId: oauthScopes.permissionId,
      permissionName: permissions.nameFr,
      held: sql<boolean>`exists (select 1 from ${accountPermissions} where ${accountPermissions.accountId} = ${account.accountId} and ${accountPermissions.permissionId} = ${oauthScopes.permissionId})`,
      accountQualityName: sql<string | null>`(select ${qualities.nameFr} from ${qualities} where ${qualities.id} = ${account.qualityId})`,
    })
    .from(oauthScopes)
    .innerJoin(qualities, eq(qualities.id, oauthScopes.qualityId))
    .innerJoin(permissions, eq(permissions.id, oauthScopes.permissionId));
  return {
    catalogue: rows.map(({ scope, qualityId, qualityName, permissionId, permissionName }) => ({ scope, qualityId, qualityName, permissionId, permissionName })),
    qualityName: rows[0]?.accountQualityName ?? String(account.qualityId),
    permissionIds: [...new Set(rows.filter((r) => r.held).map((r) => r.permissionId))],
  };
}

/** The scopes this account may be granted: its quality's catalogue entries whose permission it holds. */
export function grantableScopes(catalogue: ScopeCatalogueEntry[], account: { qualityId: number; permissionIds: number[] }): string[] {
  return [...new Set(catalogue.filter((e) => e.qualityId === account.qualityId && account.permissionIds.includes(e.permissionId)).map((e) => e.scope))].sort();
}

/**
 * Decides the scope of a token request (space-separated, RFC 6749 §3.3). No scope requested → every grantable
 * scope. Pure; the first refused scope is reported: unknown, of another quality, or its permission missing.
 */
export function resolveScopes(
  requested: string | undefined,
  catalogue: ScopeCatalogueEntry[],
  account: { qualityId: number; qualityName: string; permissionIds: number[] },
): { ok: true; scopes: string[] } | { ok: false; error: OAuthError } {
  const grantable = grantableScopes(catalogue, account);
  const expected = grantable.join(" ") || "(none)";
  const names = [...new Set((requested ?? "").split(" ").filter((s) => s !== ""))];
  if (names.length === 0) {
    return grantable.length > 0 ? { ok: true, scopes: grantable } : { ok: false, error: oauthError("scope.none-grantable") };
  }
  for (const name of names) {
    const entries = catalogue.filter((e) => e.scope === name);
    if (entries.length === 0) return { ok: false, error: oauthError("scope.unknown", { found: name.slice(0, 200), expected }) };
    const own = entries.find((e) => e.qualityId === account.qualityId);
    if (!own) {
      return { ok: false, error: oauthError("scope.other-quality", { found: name, qualities: entries.map((e) => e.qualityName).join(", "), quality: account.qualityName, expected }) };
    }
    if (!account.permissionIds.includes(own.permissionId)) return { ok: false, error: oauthError("scope.not-granted", { found: name, permission: own.permissionName }) };
  }
  return { ok: true, scopes: names };
}
