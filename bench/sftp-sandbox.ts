// The SFTP sandbox of `npm run bench:sftp` (issue 15), in a process of its own so that its memory is
// measured alone, as `npm run sandbox -- sftp` runs in production: its database is the bench's
// embedded one reached through its owner (the bench process), not a PGlite of its own. Files in the
// bench folder. Prints `ready` when listening; stops on SIGTERM.
//   node --conditions=react-server --import tsx bench/sftp-sandbox.ts <dir> <port> <max file MB>
import path from "node:path";
import { openDatabase, setDbHandle } from "@/lib/db/client";
import { loadOrCreateHostKey } from "@/lib/transfer/host-key";
import { setTransferLimits } from "@/lib/transfer/limits";
import { startSftpServer } from "@/lib/transfer/sftp-server";
import { FolderStorage, setTransferStorage } from "@/lib/transfer/storage";

async function main(): Promise<void> {
  const [dir = "", port = "0", mb = "50"] = process.argv.slice(2);
  const handle = await openDatabase({ pglite: path.join(dir, "pglite") });
  if (handle.access !== "through-owner") throw new Error("the bench's database owner is not running");
  setDbHandle(handle);
  setTransferStorage(new FolderStorage(path.join(dir, "storage")));
  setTransferLimits({ maxFileBytes: (Number(mb) + 1) * 1024 * 1024, quotaBytes: 64 * 1024 * 1024 * 1024 });
  const hostKey = await loadOrCreateHostKey(path.join(dir, "host_key"));
  const server = await startSftpServer({ host: "127.0.0.1", port: Number(port), hostKey: hostKey.privateKey });
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => {
    void server.close().then(() => handle.close()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
