import "server-only";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { oauthScopes, permissions, qualities } from "@/lib/db/schema";
import { permissionCatalogue, qualityCatalogue, scopeCatalogue } from "./catalogue";

/** Qualities, permissions and OAuth scopes every database needs; safe to run again (existing codes are kept). */
export async function seedReferenceData(q: Queryable): Promise<void> {
  await q.insert(qualities).values(qualityCatalogue).onConflictDoNothing({ target: qualities.code });
  await q.insert(permissions).values(permissionCatalogue).onConflictDoNothing({ target: permissions.code });
  const [qualityRows, permissionRows] = await Promise.all([
    q.select({ id: qualities.id, code: qualities.code }).from(qualities).where(inArray(qualities.code, scopeCatalogue.map((s) => s.qualityCode))),
    q.select({ id: permissions.id, code: permissions.code }).from(permissions).where(inArray(permissions.code, scopeCatalogue.map((s) => s.permissionCode))),
  ]);
  const rows = scopeCatalogue.flatMap((s) => {
    const quality = qualityRows.find((r) => r.code === s.qualityCode);
    const permission = permissionRows.find((r) => r.code === s.permissionCode);
    return quality && permission ? [{ scope: s.scope, qualityId: quality.id, permissionId: permission.id }] : [];
  });
  if (rows.length > 0) await q.insert(oauthScopes).values(rows).onConflictDoNothing();
}
