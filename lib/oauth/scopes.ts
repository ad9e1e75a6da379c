import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { oauthScopes, permissions, qualities } from "@/lib/db/schema";
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

// The token endpoint reads the catalogue from memory, at most CATALOGUE_TTL_MS old. Which scope maps to which
// quality and permission is seeded reference data (lib/db/seed/reference.ts) that a platform administrator may
// edit (issue 17, lib/admin/catalogue-codes.ts): the edit forgets this process's copy once committed
// (forgetScopeCatalogue), so the web server that took the edit applies it to the next token request; another
// app instance sharing the database follows within 30 s. Renamed permissions appear in error descriptions
// alone, so a description may show the former name for up to 30 s. Whether the account holds a permission is never
// cached: it comes with the account (lib/oauth/clients.ts findRestClient).
const CATALOGUE_TTL_MS = 30_000;
let catalogueCache: { entries: Promise<ScopeCatalogueEntry[]>; until: number } | null = null;

/** The scope catalogue for the token endpoint, from a process-wide cache of at most 30 s (see above). */
export function cachedScopeCatalogue(q: Queryable): Promise<ScopeCatalogueEntry[]> {
  if (catalogueCache && catalogueCache.until > Date.now()) return catalogueCache.entries;
  const entries = loadScopeCatalogue(q);
  const cache = { entries, until: Date.now() + CATALOGUE_TTL_MS };
  catalogueCache = cache;
  // A failed read is not kept: the next request reads again.
  entries.catch(() => {
    if (catalogueCache === cache) catalogueCache = null;
  });
  return entries;
}

/** Drops this process's cached scope catalogue (after a committed edit of oauth_scopes): the next read is fresh. */
export function forgetScopeCatalogue(): void {
  catalogueCache = null;
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
