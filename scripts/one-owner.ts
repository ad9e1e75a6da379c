// Issue 11, with the production server (`npm start`: scripts/start.mjs around `next start`, after
// `next build`) on the embedded database:
// 1. a server on a fresh data folder; the CLI adds a CA while it runs; sign-ins are written through the web;
// 2. a second server on the same folder refuses to start (exit ≠ 0, message naming the owner) and never
//    says « Ready » (Next prints it when its socket listens, before the database is taken);
// 3. restart (SIGTERM, start again), then kill -9 and start again: the stale lock is taken over;
// 4. every acknowledged write and the CA are there;
// 5. bad configuration stops `next start` with exit ≠ 0 and one line: no AUTH_SECRET in production, a short
//    one, a malformed DATABASE_URL, an unwritable CHAMAN_DATA_DIR — none of them saying « Ready ».
// Usage: npm run test:owner. Ports: OWNER_TEST_PORT (default 3192) and the next one.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { auditEvents, trustedCas } from "@/lib/db/schema";
import { createSamplePki } from "@/lib/pki/sample";
import { signInCookie } from "@/e2e/support/server-actions";

const port = Number(process.env.OWNER_TEST_PORT ?? 3192);
const work = mkdtempSync(path.join(tmpdir(), "chaman-one-owner-"));
const dataDir = path.join(work, "data");
process.env.CHAMAN_DATA_DIR = dataDir; // the final check opens the same folder
delete process.env.DATABASE_URL;
const secret = randomBytes(32).toString("base64url");
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(serverPort: number, env: Record<string, string | undefined> = {}): Server {
  // The script acts as one reverse proxy: the X-Forwarded-For it sends tags each sign-in in the audit trail.
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", CHAMAN_DATA_DIR: dataDir, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1", CHAMAN_TRUSTED_PROXIES: "1" };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(serverPort), "-H", "127.0.0.1"], { env: merged, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function healthy(server: Server, serverPort = port, timeoutMs = 90_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && server.child.exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${serverPort}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  // The whole process group: the start script and whatever `next start` runs the server in.
  if (server.child.exitCode === null && server.child.signalCode === null) process.kill(-server.child.pid!, signal);
  await server.exited;
}

const saysReady = (output: string) => /\bReady in\b/.test(output);

/** `npm start` with this configuration must stop by itself, non-zero, with `message` and no « Ready » in its output. */
async function refusesToStart(what: string, env: Record<string, string | undefined>, message: RegExp): Promise<void> {
  const server = startServer(port + 1, env);
  const code = await Promise.race([server.exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 60_000))]);
  if (code === "running") await stop(server, "SIGKILL");
  check(code !== "running" && code !== 0 && message.test(server.output()) && !saysReady(server.output()), `${what}: exit ${code}, ${JSON.stringify(server.output().match(/\[chaman\].*/)?.[0] ?? "")}, says Ready: ${saysReady(server.output())}`);
}

async function main(): Promise<number> {
  let server = startServer(port);
  check(await healthy(server), "server on a fresh data folder is healthy");
  check(/\[chaman\] started[\s\S]*\bReady in\b/.test(server.output()), "it says « Ready », after everything started");
  const pki = await createSamplePki();
  const caFile = path.join(work, "ca.cer");
  writeFileSync(caFile, pki.other.pem);
  const cli = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/chaman.ts", "trust", "add", "--family", "other", caFile], { env: { ...process.env } });
  const added = JSON.parse(cli.stdout) as { added: boolean; sha256: string };
  check(added.added, "CLI trust add while the server runs");

  const signIns: string[] = [];
  for (let i = 0; i < 12; i++) {
    const ip = `10.75.0.${i + 1}`;
    if (await signInCookie(`http://127.0.0.1:${port}`, ["danny", "mery", "steven"][i % 3]!, "demo", ip)) signIns.push(ip);
  }
  check(signIns.length === 12, `sign-ins through the web acknowledged: ${signIns.length}/12`);

  const second = startServer(port + 1);
  const secondCode = await Promise.race([second.exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 90_000))]);
  if (secondCode === "running") await stop(second, "SIGKILL");
  check(secondCode !== "running" && secondCode !== 0 && /already served by process \d+ \(web server/.test(second.output()), `second server on the same folder refuses: exit ${secondCode}`);
  check(!saysReady(second.output()), `the refusing server never says « Ready »: ${JSON.stringify(second.output().split("\n").filter((l) => /Ready|\[chaman\]/.test(l)))}`);
  check(await healthy(server, port, 5_000), "the first server still answers");

  await stop(server, "SIGTERM");
  server = startServer(port);
  check(await healthy(server), "restart after SIGTERM");
  await stop(server, "SIGKILL");
  server = startServer(port);
  check(await healthy(server), "start after kill -9 takes the stale lock over");
  await stop(server, "SIGTERM");

  const db = await getDb();
  const found = await db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in"), inArray(auditEvents.ip, signIns)));
  const ca = await db.select({ sha: trustedCas.sha256Fingerprint }).from(trustedCas).where(eq(trustedCas.sha256Fingerprint, added.sha256));
  await closeDb();
  check(found.length === signIns.length && ca.length === 1, `after the restarts: sign-ins ${found.length}/${signIns.length}, CA ${ca.length}/1`);

  await refusesToStart("production without AUTH_SECRET", { AUTH_SECRET: undefined }, /\[chaman\] cannot start: AUTH_SECRET is not set/);
  await refusesToStart("AUTH_SECRET of 16 bytes", { AUTH_SECRET: "0123456789abcdef" }, /AUTH_SECRET has 16 bytes/);
  await refusesToStart("malformed DATABASE_URL", { DATABASE_URL: "localhost:5432/chaman" }, /DATABASE_URL is not a PostgreSQL URL/);
  writeFileSync(path.join(work, "a-file"), "");
  await refusesToStart("unwritable CHAMAN_DATA_DIR", { CHAMAN_DATA_DIR: path.join(work, "a-file", "data") }, /CHAMAN_DATA_DIR .* is not writable/);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    rmSync(work, { recursive: true, force: true });
    console.log(code === 0 ? "one-owner: all checks passed" : `one-owner: ${failures.length} failed`);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
