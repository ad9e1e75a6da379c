// `npm run sandbox -- sftp|ftp|all`: one batch server (issue 15) as its own process, on the configured
// database (DATABASE_URL, else the embedded database through its owner process). Stops on SIGINT/SIGTERM.
import { closeDb, getDbHandle } from "@/lib/db/client";
import { parseServerKinds, startTransferServers } from "@/lib/transfer/servers";

async function main(argv: string[]): Promise<void> {
  const kinds = parseServerKinds(argv[0] ?? "");
  if (!kinds) {
    console.error("Usage: npm run sandbox -- sftp|ftp|all");
    process.exit(2);
  }
  const handle = await getDbHandle();
  console.info(`[chaman] database ready (${handle.kind})`);
  const servers = await startTransferServers(kinds);
  const stop = async () => {
    await servers.close();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
