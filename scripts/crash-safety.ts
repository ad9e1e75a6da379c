// Issue 6, crash safety: SIGKILL the production server in the middle of a burst of writes, restart
// it, and check that every acknowledged write is there and no partial record exists.
// Issue 11: one round has the command line write (trust add) while the server takes a burst of sign-ins.
// Usage: npm run test:crash (after `next build`). Uses a fresh PGlite folder, or DATABASE_URL.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray, like } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { findPartialRecords } from "@/lib/db/integrity";
import { accounts, auditEvents, trustedCas } from "@/lib/db/schema";
import { permissionCatalogue } from "@/lib/db/seed/catalogue";
import { createCertificate } from "@/lib/pki/generate";
import { createSamplePki } from "@/lib/pki/sample";
import { actionId, callServerAction, formData, signInCookie } from "@/e2e/support/server-actions";

const port = Number(process.env.CRASH_PORT ?? 3190);
const baseUrl = `http://localhost:${port}`;
const dataDir = ".crash-data";
// The check at the end opens the same database as the server did.
process.env.CHAMAN_DATA_DIR = dataDir;
const secret = randomBytes(32).toString("base64url");

function startServer(): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    // The script acts as one reverse proxy: the X-Forwarded-For it sends tags each sign-in in the audit trail.
    env: { ...process.env, CHAMAN_DATA_DIR: dataDir, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1", CHAMAN_TRUSTED_PROXIES: "1" },
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

type Write = (i: number) => Promise<string | null>;

/** Fires `total` writes, `concurrency` at a time; `onKill` runs once `killAfterAcks` were acknowledged. */
async function burst(write: Write, total: number, concurrency: number, killAfterAcks: number, onKill: () => void) {
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  async function worker() {
    while (next < total) {
      const i = next;
      next += 1;
      const key = await write(i).catch(() => null);
      if (key) acknowledged.push(key);
      if (!killed && acknowledged.length >= killAfterAcks) {
        killed = true;
        onKill();
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acknowledged, fired: next };
}

/** A sign-in writes the attempt and its audit event in one transaction; the client address tags it. */
const signInWrites =
  (network: number, users = ["danny"]): Write =>
  async (i) => {
    const ip = `10.${network}.${Math.floor(i / 250)}.${i % 250}`;
    return (await signInCookie(baseUrl, users[i % users.length]!, "demo", ip)) ? ip : null;
  };

/**
 * `trust add` of each of 5 fresh CAs, one command after the other, as an operator would while the server
 * runs; resolves with the SHA-256 fingerprints the command reported as added (exit 0, "added": true).
 */
async function cliTrustAdds(): Promise<string[]> {
  const pki = await createSamplePki();
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-crash-cas-"));
  const added: string[] = [];
  for (const [i, ca] of [pki.eid, pki.globalsign, pki.other, pki.untrusted, pki.impostorEid].entries()) {
    const file = path.join(dir, `ca-${i}.cer`);
    writeFileSync(file, ca.pem);
    const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/chaman.ts", "trust", "add", "--family", "other", file], {
      env: { ...process.env, CHAMAN_DATA_DIR: dataDir },
    });
    const result = JSON.parse(stdout) as { added: boolean; sha256: string };
    if (result.added) added.push(result.sha256);
  }
  rmSync(dir, { recursive: true, force: true });
  return added;
}

/** The server takes a burst of sign-ins while the CLI adds CAs; SIGKILL once both are acknowledged. */
async function cliRound(): Promise<{ signIns: string[]; cas: string[] }> {
  const server = startServer();
  await waitHealthy();
  const [burstResult, cas] = await Promise.all([burst(signInWrites(76, ["danny", "mery", "steven", "ann", "ivan", "claire"]), 200, 8, Infinity, () => undefined), cliTrustAdds()]);
  await stop(server, "SIGKILL");
  console.log(`crash-safety (CLI during a burst): sign-ins acknowledged ${burstResult.acknowledged.length}, CAs added by the CLI ${cas.length}`);
  return { signIns: burstResult.acknowledged, cas };
}

/** Creating a REST account writes the account, its permission, its certificate and an audit event. */
async function restAccountWrite(): Promise<Write> {
  const cookie = await signInCookie(baseUrl, "danny", "demo", "10.79.0.1");
  if (!cookie) throw new Error("danny could not sign in");
  // Serial ids follow the catalogue's order in a freshly seeded database.
  const permissionId = String(permissionCatalogue.findIndex((p) => p.code === "ws.dimona-declare") + 1);
  const certificate = await createCertificate({ subject: { cn: "crash-test", o: "APK Recycling" }, keyUsage: ["digitalSignature"] });
  const id = actionId("app/(chaman)/accounts/actions.ts", "createAccountAction");
  return async (i) => {
    const name = `crash-${i}`;
    const fields = formData({ type: "REST", name, permissions: permissionId, certificateManagement: "internal", certificateName: `c-${i}`, certificate: new File([new Uint8Array(certificate.der)], "crash.cer") });
    const response = await callServerAction({ baseUrl, page: "/", id, args: [fields], cookie });
    return response.body.includes('"status":"success"') ? name : null;
  };
}

async function crashRound(label: string, write: Write, total: number, killAfter: number): Promise<{ acknowledged: string[]; fired: number }> {
  const server = startServer();
  await waitHealthy();
  const round = await burst(write, total, 8, killAfter, () => process.kill(-server.pid!, "SIGKILL"));
  await stop(server, "SIGKILL");
  console.log(`crash-safety (${label}): writes fired ${round.fired}, acknowledged before the kill ${round.acknowledged.length}`);
  return round;
}

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
  const signIns = await crashRound("sign-ins", signInWrites(77), 400, 120);
  const cliWrites = await cliRound();
  let server = startServer();
  await waitHealthy();
  const createAccount = await restAccountWrite();
  await stop(server, "SIGTERM");
  const creations = await crashRound("REST account creations", createAccount, 300, 60);
  server = startServer();
  await waitHealthy();
  const usable = await signInCookie(baseUrl, "danny", "demo", "10.78.0.1");
  await stop(server, "SIGTERM");

  const db = await getDb();
  const signInsFound = signIns.acknowledged.length
    ? await db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in"), inArray(auditEvents.ip, signIns.acknowledged)))
    : [];
  const accountsFound = await db.select({ name: accounts.name }).from(accounts).where(like(accounts.name, "crash-%"));
  const cliSignInsFound = await db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in"), inArray(auditEvents.ip, cliWrites.signIns)));
  const casFound = await db.select({ sha: trustedCas.sha256Fingerprint }).from(trustedCas).where(inArray(trustedCas.sha256Fingerprint, cliWrites.cas));
  const missing = [
    ...signIns.acknowledged.filter((ip) => !signInsFound.some((f) => f.ip === ip)),
    ...cliWrites.signIns.filter((ip) => !cliSignInsFound.some((f) => f.ip === ip)),
    ...cliWrites.cas.filter((sha) => !casFound.some((f) => f.sha === sha)),
    ...creations.acknowledged.filter((name) => !accountsFound.some((a) => a.name === name)),
  ];
  const partial = await findPartialRecords(db);
  await closeDb();
  const acknowledged = signIns.acknowledged.length + creations.acknowledged.length + cliWrites.signIns.length + cliWrites.cas.length;
  console.log(
    `crash-safety: writes acknowledged ${acknowledged} (sign-ins ${signIns.acknowledged.length}, accounts ${creations.acknowledged.length}, sign-ins while the CLI wrote ${cliWrites.signIns.length}, CAs added by the CLI ${cliWrites.cas.length}), found after restart ${acknowledged - missing.length}, missing ${missing.length}, accounts in the database ${accountsFound.length}, partial records ${partial.length}, server usable after restart: ${usable ? "yes" : "no"}`,
  );
  if (partial.length) console.log(partial);
  const everyRoundWrote = signIns.acknowledged.length > 0 && creations.acknowledged.length > 0 && cliWrites.signIns.length > 0 && cliWrites.cas.length === 5;
  return missing.length === 0 && partial.length === 0 && usable && everyRoundWrote ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
