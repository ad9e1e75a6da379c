// Test helper: Debian's real clients against the servers under test (OpenSSH `sftp`, `lftp`).
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { HostKey } from "../host-key";
import { run, writeTestFile, type Run } from "./world";

let batchCounter = 0;

/** The arguments of OpenSSH `sftp` in batch mode (`batch`: a file, or `-` for stdin) with one key. */
function sftpArgs(dir: string, port: number, hostKey: HostKey, username: string, privateKeyOpenssh: string, batch: string, args: string[]): string[] {
  const n = ++batchCounter;
  const key = writeTestFile(dir, `id-${n}`, privateKeyOpenssh, 0o600);
  const knownHosts = writeTestFile(dir, `known_hosts-${n}`, `[127.0.0.1]:${port} ${hostKey.publicKey}\n`);
  return [
    "-b", batch, "-i", key, "-P", String(port),
    "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "StrictHostKeyChecking=yes", "-o", "GlobalKnownHostsFile=/dev/null",
    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "PasswordAuthentication=no",
    "-o", "KbdInteractiveAuthentication=no", "-o", "ConnectTimeout=20",
    ...args,
    `${username}@127.0.0.1`,
  ];
}

/** OpenSSH `sftp` in batch mode with one key; the host key is checked against known_hosts. */
export function sftpBatch(dir: string, port: number, hostKey: HostKey, username: string, privateKeyOpenssh: string, commands: string[], args: string[] = []): Promise<Run> {
  const batch = writeTestFile(dir, `batch-${batchCounter + 1}`, `${commands.join("\n")}\n`);
  return run("sftp", sftpArgs(dir, port, hostKey, username, privateKeyOpenssh, batch, args), { cwd: dir });
}

/** An OpenSSH `sftp` session kept open: commands are sent one by one on its stdin (batch mode). */
export interface SftpSession {
  /** Sends one command and waits (bounded) until its output ends with `done` on stdout. */
  command(line: string, done: RegExp): Promise<void>;
  /** Sends the last command, closes stdin and waits for the client to exit. */
  finish(line: string): Promise<Run>;
}

/** Starts `sftp -b -` (commands from stdin), for tests that change something while a session is open. */
export function sftpSession(dir: string, port: number, hostKey: HostKey, username: string, privateKeyOpenssh: string): SftpSession {
  const child = spawn("sftp", sftpArgs(dir, port, hostKey, username, privateKeyOpenssh, "-", []), { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const exited = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return {
    async command(line, done) {
      const from = stdout.length;
      child.stdin.write(`${line}\n`);
      await waitFor(() => done.test(stdout.slice(from)) || child.exitCode !== null, `sftp to answer ${line}`);
    },
    finish(line) {
      child.stdin.end(`${line}\n`);
      return exited;
    },
  };
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
