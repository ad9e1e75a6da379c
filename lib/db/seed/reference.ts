import "server-only";
import type { Queryable } from "@/lib/db/client";
import { permissions, qualities } from "@/lib/db/schema";
import { permissionCatalogue, qualityCatalogue } from "./catalogue";

/** Qualities and permissions every database needs; safe to run again (existing codes are kept). */
export async function seedReferenceData(q: Queryable): Promise<void> {
  await q.insert(qualities).values(qualityCatalogue).onConflictDoNothing({ target: qualities.code });
  await q.insert(permissions).values(permissionCatalogue).onConflictDoNothing({ target: permissions.code });
}
