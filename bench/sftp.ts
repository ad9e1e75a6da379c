// `npm run bench:sftp` (issue 15): SFTP upload throughput of the Chaman Mirror server against Debian's
// OpenSSH sshd + sftp-server on the same loopback in the same run (ratio, budget ≥ 0.5), 20 parallel
// sessions, and the server's resident memory (budget ≤ 400 MB). Options: --mb <size> (default 50),
// --sessions <n> (default 20), --port <first of 2 ports> (default 8153). Needs root for sshd.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { openDatabase, setDbHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed/demo";
import { createSender, run } from "@/lib/transfer/testing/world";

const { values } = parseArgs({ options: { mb: { type: "string", default: "50" }, sessions: { type: "string", default: "20" }, port: { type: "string", default: "8153" } } });
const mb = Number(values.mb);
const sessions = Number(values.sessions);
const ourPort = Number(values.port);
const sshdPort = ourPort + 1;
const dir = mkdtempSync(path.join(tmpdir(), "chaman-bench-sftp-"));

function sftpArgs(port: number, key: string, user: string, batch: string): string[] {
  return ["-b", batch, "-i", key, "-P", String(port), "-o", "StrictHostKeyChecking=no", "-o", `UserKnownHostsFile=${path.join(dir, "known")}`, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", `${user}@127.0.0.1`];
}

async function timed(port: number, key: string, user: string, commands: string[]): Promise<number> {
  const batch = path.join(dir, `batch-${port}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(batch, `${commands.join("\n")}\n`);
  const started = performance.now();
  const result = await run("sftp", sftpArgs(port, key, user, batch), { cwd: dir, timeoutMs: 300_000 });
  if (result.code !== 0) throw new Error(`sftp to ${port} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  writeFileSync(path.join(dir, "payload.bin"), Buffer.alloc(mb * 1024 * 1024, 7));
  // The parallel sessions each upload a tenth of the payload: they test concurrency, not the disk.
  writeFileSync(path.join(dir, "small.bin"), Buffer.alloc(Math.ceil((mb * 1024 * 1024) / 10), 8));
  // The database: embedded, owned by this process and shared through its socket, as the web server
  // shares it with `npm run sandbox`; the demo world and one SFTP sender.
  const handle = await openDatabase({ pglite: path.join(dir, "pglite"), kind: "service" });
  setDbHandle(handle);
  await seedDemo(handle.db);
  const sender = await createSender(handle.db, "claire", "SFTP", "EXPBENCHSFTP");
  const key = path.join(dir, "id");
  writeFileSync(key, sender.ssh?.privateKeyOpenssh ?? "", { mode: 0o600 });
  // Our server: a process of its own (bench/sftp-sandbox.ts), so its RSS is measured alone.
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "sftp-sandbox.ts"), dir, String(ourPort), String(mb)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: server.stdout! }).once("line", () => resolve());
    server.once("exit", (code) => reject(new Error(`the SFTP sandbox exited (${code}) before it was ready`)));
  });
  const hostKey = { privateKey: readFileSync(path.join(dir, "host_key"), "utf8") };

  // Debian's OpenSSH: sshd with the same key authorised, sftp-server as its subsystem.
  writeFileSync(path.join(dir, "authorized_keys"), `${sender.ssh?.openssh ?? ""}\n`);
  writeFileSync(path.join(dir, "sshd_host_key"), hostKey.privateKey, { mode: 0o600 });
  writeFileSync(
    path.join(dir, "sshd_config"),
    [`Port ${sshdPort}`, "ListenAddress 127.0.0.1", `HostKey ${path.join(dir, "sshd_host_key")}`, `PidFile ${path.join(dir, "sshd.pid")}`, `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`, "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password", "StrictModes no", "UsePAM no", "Subsystem sftp /usr/lib/openssh/sftp-server", ""].join("\n"),
  );
  const sshd: ChildProcess = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", path.join(dir, "sshd_config")], { stdio: "ignore" });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // sshd has no readiness signal; bounded wait
    const upload = ["cd INTEST", "put payload.bin"];
    const sshdUpload = [`put payload.bin ${path.join(dir, "sshd-copy.bin")}`];
    await timed(ourPort, key, sender.username, upload); // warm-up
    await timed(sshdPort, key, "root", sshdUpload);
    const ours = await timed(ourPort, key, sender.username, upload);
    const theirs = await timed(sshdPort, key, "root", sshdUpload);
    const ratio = (mb / ours) / (mb / theirs);
    const parallel = await Promise.all(Array.from({ length: sessions }, () => timed(ourPort, key, sender.username, ["cd INTEST", `put small.bin small-${Math.random().toString(36).slice(2)}.bin`, "ls"])));
    // VmHWM: the sandbox process's own peak resident set since it started (proc(5)), warm-up included.
    const peak = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? NaN) * 1024;
    const rows: Array<[string, string]> = [
      ["Chaman Mirror SFTP upload", `${(mb / ours).toFixed(1)} MB/s`],
      ["OpenSSH sshd + sftp-server upload", `${(mb / theirs).toFixed(1)} MB/s`],
      ["ratio (budget ≥ 0.50)", ratio.toFixed(2)],
      [`${sessions} parallel sessions`, `all done, slowest ${Math.max(...parallel).toFixed(1)} s`],
      // The sandbox process alone (its embedded database and tsx included), peak over the whole run.
      ["SFTP sandbox process RSS peak (budget ≤ 400 MB)", `${(peak / 1024 / 1024).toFixed(0)} MB`],
    ];
    for (const [what, value] of rows) console.log(`${what.padEnd(40)} ${value}`);
    if (ratio < 0.5 || !(peak <= 400 * 1024 * 1024)) process.exitCode = 1;
  } finally {
    sshd.kill("SIGTERM");
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
