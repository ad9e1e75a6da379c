// Test helper: Debian's real clients against the servers under test (OpenSSH `sftp`, `lftp`).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { HostKey } from "../host-key";
import { run, writeTestFile, type Run } from "./world";

let batchCounter = 0;

/** OpenSSH `sftp` in batch mode with one key; the host key is checked against known_hosts. */
export function sftpBatch(dir: string, port: number, hostKey: HostKey, username: string, privateKeyOpenssh: string, commands: string[], args: string[] = []): Promise<Run> {
  const n = ++batchCounter;
  const key = writeTestFile(dir, `id-${n}`, privateKeyOpenssh, 0o600);
  const knownHosts = writeTestFile(dir, `known_hosts-${n}`, `[127.0.0.1]:${port} ${hostKey.publicKey}\n`);
  const batch = writeTestFile(dir, `batch-${n}`, `${commands.join("\n")}\n`);
  return run(
    "sftp",
    [
      "-b", batch, "-i", key, "-P", String(port),
      "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "StrictHostKeyChecking=yes", "-o", "GlobalKnownHostsFile=/dev/null",
      "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "PasswordAuthentication=no",
      "-o", "KbdInteractiveAuthentication=no", "-o", "ConnectTimeout=20",
      ...args,
      `${username}@127.0.0.1`,
    ],
    { cwd: dir },
  );
}

/** `lftp` with a script; passive mode, no TLS unless asked. */
export function lftpScript(dir: string, port: number, username: string, password: string, commands: string[], settings: string[] = []): Promise<Run> {
  const n = ++batchCounter;
  const script = writeTestFile(
    dir,
    `lftp-${n}`,
    [
      "set cmd:fail-exit yes",
      "set net:max-retries 1",
      "set net:timeout 20",
      "set ftp:passive-mode yes",
      "set ftp:ssl-allow no",
      ...settings,
      `open -u ${username},${password} -p ${port} 127.0.0.1`,
      ...commands,
      "",
    ].join("\n"),
  );
  return run("lftp", ["-f", script], { cwd: dir });
}

/** Waits (bounded: 400 × 25 ms) until `condition` holds; for states another process reaches. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Files being uploaded right now (the storage's temporary folder). */
export function uploadsInProgress(storageRoot: string): string[] {
  try {
    return readdirSync(path.join(storageRoot, ".uploads"));
  } catch {
    return [];
  }
}
