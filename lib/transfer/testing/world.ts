// Test helper for the protocol tests (issue 15): a fresh database with the demo world, the files in a
// temporary folder, the SFTP and FTP servers on 127.0.0.1, and senders whose accounts are made through
// the same service the web pages use (lib/channels/accounts.ts).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { eq } from "drizzle-orm";
import { createAccount } from "@/lib/channels/accounts";
import { loadDemoCas } from "@/lib/channels/demo-cas";
import { actorFor } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import { permissions } from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { createCertificate, generateSshKeyPair, type Issued } from "@/lib/pki/generate";
import type { SshKeyPair } from "@/lib/pki/ssh";
import { loadOrCreateHostKey, type HostKey } from "../host-key";
import { setTransferLimits } from "../limits";
import { FolderStorage, setTransferStorage } from "../storage";

export interface TestSender {
  username: string;
  senderNumber: string;
  accountId: string;
  signer: Issued;
  ssh?: SshKeyPair;
  password?: string;
}

export interface World {
  db: Db;
  dir: string;
  hostKey: HostKey;
  storageRoot: string;
}

/** Registers before/after hooks: database, storage folder, host key. `ready` gets the world. */
export function withTransferWorld(ready: (world: World) => Promise<void> | void, limits = { maxFileBytes: 4 * 1024 * 1024, quotaBytes: 16 * 1024 * 1024 }): void {
  let db: Db | undefined;
  withDemoDatabase((d) => (db = d));
  let dir = "";
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "chaman-transfer-"));
    const storageRoot = path.join(dir, "storage");
    setTransferStorage(new FolderStorage(storageRoot));
    setTransferLimits(limits);
    const hostKey = await loadOrCreateHostKey(path.join(dir, "host_key"));
    if (!db) throw new Error("no database");
    await ready({ db, dir, hostKey, storageRoot });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
}

/** Creates the persona's FTP or SFTP account with every batch permission and an eID-issued certificate. */
export async function createSender(db: Db, persona: string, type: "FTP" | "SFTP", username: string, options: { applications?: string[] } = {}): Promise<TestSender> {
  const actor = await actorFor(db, persona);
  const eid = (await loadDemoCas(db)).find((c) => c.family === "eid");
  if (!eid) throw new Error("no demo eID CA");
  const signer = await createCertificate({ subject: { cn: `${persona} signer`, o: "Demo", c: "BE" }, issuer: eid.issued });
  const batch = await db.select({ id: permissions.id, code: permissions.applicationCode }).from(permissions).where(eq(permissions.kind, "batch"));
  const permissionIds = batch.filter((p) => !options.applications || (p.code && options.applications.includes(p.code))).map((p) => p.id);
  const certificate = { fileName: "signer.cer", bytes: signer.der };
  const common = { name: `${type} ${persona}`, certificate, certificateName: "signer", permissionIds, username };
  if (type === "SFTP") {
    const ssh = generateSshKeyPair({ bits: 2048, comment: persona });
    const result = await createAccount(db, actor, { type, ...common, sshPublicKey: ssh.openssh });
    if (!result.ok) throw new Error(`createAccount: ${JSON.stringify(result)}`);
    return { username, senderNumber: actor.ctx.senderNumber ?? "", accountId: result.accountId, signer, ssh };
  }
  const password = "Test+2026";
  const result = await createAccount(db, actor, { type, ...common, password });
  if (!result.ok) throw new Error(`createAccount: ${JSON.stringify(result)}`);
  return { username, senderNumber: actor.ctx.senderNumber ?? "", accountId: result.accountId, signer, password };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client program with a bounded time; never through a shell. */
export function run(command: string, args: string[], options: { cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Writes a file in the test folder and returns its path. */
export function writeTestFile(dir: string, name: string, content: string | Uint8Array, mode?: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, content, mode === undefined ? undefined : { mode });
  return file;
}
