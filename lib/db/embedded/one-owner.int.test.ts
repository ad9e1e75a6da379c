/**
 * Issue 11: one process owns an embedded database folder; every other one goes through it or waits.
 * Real processes (lib/db/embedded/test-process.ts and the CLI) on one fresh folder, in order:
 * the CLI alone opens the folder itself → a server owns it and the CLI writes through it → a second server
 * refuses → the owner is killed with SIGKILL and the next server takes the lock over with every write →
 * a CLI that can reach no owner stops with exit 2, names the folder and the holder, and writes nothing.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createSamplePki } from "@/lib/pki/sample";

const helper = path.join(import.meta.dirname, "test-process.ts");
const cli = path.join(process.cwd(), "cli/chaman.ts");
let dataDir: string;
let folder: string;
const caFiles: string[] = [];
const running = new Set<ChildProcess>();

interface Run {
  child: ChildProcess;
  /** The first line the process prints on stdout. */
  firstLine: Promise<string>;
  /** Exit code (null when killed by a signal), stdout and stderr. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: "", CHAMAN_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  let resolveLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("\n")) resolveLine(stdout.slice(0, stdout.indexOf("\n")));
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolveLine(stdout);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, firstLine, done };
}

const processOf = (kind: string, action: string, label?: string, env?: Record<string, string>) => run(helper, [kind, dataDir, action, ...(label ? [label] : [])], env);
const chaman = (args: string[], env?: Record<string, string>) => run(cli, args, env).done;

async function labels(): Promise<string[]> {
  const { code, stdout, stderr } = await processOf("command", "labels").done;
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as string[];
}

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "chaman-owner-"));
  folder = path.join(dataDir, "pglite");
  const pki = await createSamplePki();
  for (const [name, pem] of [["eid.cer", pki.eid.pem], ["gs.cer", pki.globalsign.pem], ["other.cer", pki.other.pem]] as const) {
    caFiles.push(path.join(dataDir, name));
    writeFileSync(path.join(dataDir, name), pem);
  }
});

after(() => {
  for (const child of running) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

test("with no server running, the CLI opens the folder itself and leaves it free", async () => {
  const added = await chaman(["trust", "add", "--family", "eid", caFiles[0]!]);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(JSON.parse(added.stdout).added, true);
  assert.equal(existsSync(`${folder}.lock`), false, "lock released on exit");
  assert.equal(existsSync(`${folder}.owner.json`), false);
});

test("server owns the folder: CLI and other processes write through it, a second server refuses, kill -9 is taken over", async () => {
  const server = processOf("server", "hold");
  assert.deepEqual(JSON.parse(await server.firstLine), { access: "owner" });

  const added = await chaman(["trust", "add", "--family", "globalsign-personalsign3pro", caFiles[1]!]);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(JSON.parse(added.stdout).added, true);
  const sandbox = await processOf("service", "insert", "from-a-service").done;
  assert.equal(sandbox.code, 0, sandbox.stderr);
  assert.deepEqual(JSON.parse(sandbox.stdout.split("\n")[0]!), { access: "through-owner" });

  const second = await processOf("server", "hold").done;
  assert.equal(second.code, 2);
  assert.match(second.stderr, new RegExp(`${folder} is already served by process ${server.child.pid} \\(web server`));

  server.child.kill("SIGKILL");
  await server.done;
  assert.equal(existsSync(`${folder}.lock`), true, "a killed owner leaves its lock");
  const next = processOf("server", "hold");
  assert.deepEqual(JSON.parse(await next.firstLine), { access: "owner" }, "the stale lock is taken over");
  const listed = await chaman(["trust", "list"]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual((JSON.parse(listed.stdout) as Array<{ family: string }>).map((r) => r.family), ["eid", "globalsign-personalsign3pro"]);
  assert.deepEqual(await labels(), ["from-a-service"]);
  next.child.kill("SIGTERM");
  await next.done;
  assert.equal(existsSync(`${folder}.lock`), false, "SIGTERM releases the lock");
});

test("a CLI that can reach no owner stops with exit 2, names the folder and the holder, writes nothing", async () => {
  // A command-line owner does not share the folder: others wait for it, here for 1 s only.
  const holder = processOf("command", "hold");
  assert.deepEqual(JSON.parse(await holder.firstLine), { access: "owner" });
  const blocked = await chaman(["trust", "add", "--family", "other", caFiles[2]!], { CHAMAN_DB_WAIT_MS: "1000" });
  assert.equal(blocked.code, 2);
  assert.equal(blocked.stdout, "");
  assert.match(blocked.stderr, new RegExp(`${folder} is in use by process ${holder.child.pid} \\(command line.*nothing was written`));
  holder.child.kill("SIGTERM");
  await holder.done;
  const listed = await chaman(["trust", "list"]);
  assert.deepEqual((JSON.parse(listed.stdout) as Array<{ family: string }>).map((r) => r.family), ["eid", "globalsign-personalsign3pro"]);
});

test("an owner that still runs keeps the folder even when its lock looks stale (event loop blocked)", async () => {
  const holder = processOf("command", "hold");
  assert.deepEqual(JSON.parse(await holder.firstLine), { access: "owner" });
  // Frozen, it cannot refresh its lock; the lock is made to look a minute old.
  process.kill(holder.child.pid!, "SIGSTOP");
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(`${folder}.lock`, minuteAgo, minuteAgo);
  const blocked = await chaman(["trust", "list"], { CHAMAN_DB_WAIT_MS: "1000" });
  assert.equal(blocked.code, 2, blocked.stderr);
  assert.match(blocked.stderr, new RegExp(`in use by process ${holder.child.pid} `));
  holder.child.kill("SIGKILL");
  await holder.done;
  // Its process gone, the old lock is taken over at once.
  const listed = await chaman(["trust", "list"], { CHAMAN_DB_WAIT_MS: "1000" });
  assert.equal(listed.code, 0, listed.stderr);
});
