import { cliActor, grantPlatformAdmin, revokePlatformAdmin } from "@/lib/admin/admins";
import { getDbHandle } from "@/lib/db/client";

/**
 * `admin grant <username|NISS>` and `admin revoke <username|NISS>` (issue 17): gives or removes the
 * platform administrator role, journaled with the actor "CLI". The last administrator cannot be
 * removed. Exit 0 done (or already one), 1 refused (no such user, not an administrator, the last
 * one), 2 bad usage.
 */
export async function runAdmin(args: string[]): Promise<number> {
  const [sub, who, ...extra] = args;
  if ((sub !== "grant" && sub !== "revoke") || !who || extra.length > 0) {
    console.error("Usage: admin grant <username|NISS>\n       admin revoke <username|NISS>");
    return 2;
  }
  const handle = await getDbHandle();
  if (sub === "revoke") {
    const revoked = await revokePlatformAdmin(handle.db, cliActor, who);
    if (!revoked.ok) {
      const reasons: Record<string, string> = {
        "admin.errors.userNotFound": "no user with this username or NISS",
        "admin-changes.errors.notAdmin": "not a platform administrator",
        "admin-changes.errors.lastAdmin": "the last platform administrator cannot be removed",
      };
      console.error(`${who}: ${reasons[revoked.key] ?? revoked.key}`);
      return 1;
    }
    console.log(JSON.stringify({ revoked: true, username: revoked.username }));
    return 0;
  }
  const granted = await grantPlatformAdmin(handle.db, cliActor, who);
  if (!granted.ok) {
    console.error(`${who}: no user with this username or NISS`);
    return 1;
  }
  console.log(JSON.stringify({ granted: true, alreadyAdmin: granted.alreadyAdmin }));
  return 0;
}
