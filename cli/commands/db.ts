import { existsSync } from "node:fs";
import { embeddedFolder, getDbHandle, hasDbHandle, type DbHandle } from "@/lib/db/client";

/** The configured database, or null when there is none yet (no DATABASE_URL and no PGlite folder). */
export async function existingDatabase(): Promise<DbHandle | null> {
  if (hasDbHandle()) return getDbHandle();
  if (!process.env.DATABASE_URL && !existsSync(embeddedFolder())) return null;
  return getDbHandle();
}
