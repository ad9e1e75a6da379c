// A process of this project for lib/db/embedded/*.int.test.ts: opens the embedded database in the
// folder `argv[3]` as a process of kind `argv[2]` ("server" | "command" | "service") with getDbHandle(),
// prints {"access": …} on stdout, then does `argv[4]`:
//   hold            keep the database until killed
//   insert <label>  add a row to owner_probe
//   labels          print the labels of owner_probe as JSON
// Exits 2 with the message on stderr when the database cannot be reached (DatabaseBusyError).
import { sql } from "drizzle-orm";
import { closeDb, DatabaseBusyError, getDbHandle, setDbProcessKind, type DbProcessKind } from "@/lib/db/client";

const [kind, folder, action, label] = process.argv.slice(2);
process.env.CHAMAN_DATA_DIR = folder;
setDbProcessKind(kind as DbProcessKind);

async function main(): Promise<void> {
  const handle = await getDbHandle();
  console.log(JSON.stringify({ access: handle.access }));
  await handle.db.execute(sql`create table if not exists owner_probe (label text primary key)`);
  if (action === "hold") return new Promise(() => undefined);
  if (action === "insert") await handle.db.execute(sql`insert into owner_probe values (${label})`);
  if (action === "labels") {
    const result = (await handle.db.execute(sql`select label from owner_probe order by label`)) as unknown as { rows: Array<{ label: string }> };
    console.log(JSON.stringify(result.rows.map((r) => r.label)));
  }
  await closeDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof DatabaseBusyError ? 2 : 1);
  },
);
