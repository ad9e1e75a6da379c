// Issue 6, crash safety: SIGKILL the production server in the middle of a burst of writes, restart
// it, and check that every acknowledged write is there and no partial record exists.
// Usage: npm run test:crash (after `next build`). Uses a fresh PGlite folder, or DATABASE_URL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { findPartialRecords } from "@/lib/db/integrity";
import { signInCookie } from "@/e2e/support/server-actions";

const port = Number(process.env.CRASH_PORT ?? 3190);
const baseUrl = `http://localhost:${port}`;
const dataDir = ".crash-data";
// The check at the end opens the same database as the server did.
process.env.CHAMAN_DATA_DIR = dataDir;
const secret = randomBytes(32).toString("base64url");

function startServer(): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, CHAMAN_DATA_DIR: dataDir, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitHealthy(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy");
}

function stop(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    process.kill(-server.pid!, signal);
  });
}

/** One write per sign-in: the attempt and its audit event, in one transaction, tagged by client address. */
async function burst(total: number, concurrency: number, killAfterAcks: number, onKill: () => void) {
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  async function worker() {
    while (next < total) {
      const ip = `10.77.${Math.floor(next / 250)}.${next % 250}`;
      next += 1;
      const cookie = await signInCookie(baseUrl, "danny", "demo", ip).catch(() => null);
      if (cookie) acknowledged.push(ip);
      if (!killed && acknowledged.length >= killAfterAcks) {
        killed = true;
        onKill();
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acknowledged, fired: next };
}

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
  let server = startServer();
  await waitHealthy();
  const { acknowledged, fired } = await burst(400, 8, 120, () => process.kill(-server.pid!, "SIGKILL"));
  await stop(server, "SIGKILL");
  server = startServer();
  await waitHealthy();
  const after = await signInCookie(baseUrl, "danny", "demo", "10.78.0.1");
  await stop(server, "SIGTERM");

  const db = await getDb();
  const found = acknowledged.length
    ? await db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in"), inArray(auditEvents.ip, acknowledged)))
    : [];
  const missing = acknowledged.filter((ip) => !found.some((f) => f.ip === ip));
  const partial = await findPartialRecords(db);
  await closeDb();
  console.log(`crash-safety: writes fired ${fired}, acknowledged before the kill ${acknowledged.length}, found after restart ${acknowledged.length - missing.length}, missing ${missing.length}, partial records ${partial.length}, server usable after restart: ${after ? "yes" : "no"}`);
  if (partial.length) console.log(partial);
  return missing.length === 0 && partial.length === 0 && after && acknowledged.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
