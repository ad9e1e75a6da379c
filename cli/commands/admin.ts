import { cliActor, grantPlatformAdmin } from "@/lib/admin/admins";
import { getDbHandle } from "@/lib/db/client";

/**
 * `admin grant <username|NISS>` (issue 17): makes an existing user a platform administrator,
 * journaled with the actor "CLI". Exit 0 done (or already one), 1 no such user, 2 bad usage.
 */
export async function runAdmin(args: string[]): Promise<number> {
  const [sub, who, ...extra] = args;
  if (sub !== "grant" || !who || extra.length > 0) {
    console.error("Usage: admin grant <username|NISS>");
    return 2;
  }
  const handle = await getDbHandle();
  const granted = await grantPlatformAdmin(handle.db, cliActor, who);
  if (!granted.ok) {
    console.error(`${who}: no user with this username or NISS`);
    return 1;
  }
  console.log(JSON.stringify({ granted: true, alreadyAdmin: granted.alreadyAdmin }));
  return 0;
}
