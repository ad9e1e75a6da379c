// Command line: `npm run --silent chaman -- <command>`. Works on the configured database (DATABASE_URL,
// else PGlite in CHAMAN_DATA_DIR): through the running server when it owns the embedded database, else by
// opening it for the command's duration (lib/db/client.ts, DbProcessKind "command").
import { closeDb, DatabaseBusyError, DatabaseUnreachableError, setDbProcessKind } from "@/lib/db/client";
import { runAdmin } from "./commands/admin";
import { runCheck } from "./commands/check";
import { runNotify } from "./commands/notify";
import { runCheckAssertion, runOauth } from "./commands/oauth";
import { runSeed } from "./commands/seed";
import { loadTrustStore, runTrust } from "./commands/trust";

const usage = `Usage: npm run --silent chaman -- <command>
  trust add --family <eid|globalsign-personalsign3pro|other> <ca.cer>
  trust retire <sha256>
  trust list
  admin grant <username|NISS>   (makes the user a platform administrator)
  admin revoke <username|NISS>  (removes the role; never the last administrator)
  check cert <file> --channel <FTP|SFTP|SOAP|REST> [--trust <family>=<ca.cer>]...
  check ssh-key <file>
  check username <value>
  check password <value>
  check assertion <jwt|->   (the OAuth client assertion checker; never spends the jti)
  oauth rotate-key          (new access-token signing key; the old one stays published 11 minutes)
  seed            (writes the demo data into an empty database)
  notify run [--now <date> [--commit]]   (certificate-expiry notices, then mail delivery when SMTP_URL is set;
                  --now is a dry run outside the demo data unless --commit)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "trust":
      return runTrust(rest);
    case "admin":
      return runAdmin(rest);
    case "check":
      return rest[0] === "assertion" ? runCheckAssertion(rest.slice(1)) : runCheck(rest, { loadTrustStore });
    case "oauth":
      return runOauth(rest);
    case "seed":
      return runSeed();
    case "notify":
      return runNotify(rest);
    default:
      console.error(usage);
      return 2;
  }
}

setDbProcessKind("command");

main(process.argv.slice(2)).then(
  // Close the database first so PGlite writes everything to disk before the process ends.
  async (code) => {
    await closeDb();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => undefined);
    // The database could not be reached: nothing was done, as for a usage error.
    process.exit(error instanceof DatabaseBusyError || error instanceof DatabaseUnreachableError ? 2 : 1);
  },
);
