import { getDbHandle } from "@/lib/db/client";
import { seedIfEmpty } from "@/lib/db/seed/demo";

/** `seed`: migrates, then writes the demo data if the database is empty (CHAMAN_SEED=none: reference data only). */
export async function runSeed(): Promise<number> {
  const handle = await getDbHandle();
  const outcome = await seedIfEmpty(handle.db);
  console.log(JSON.stringify({ database: handle.kind, demo: outcome }));
  return 0;
}
