// Issue 15, idle timeout of logged-in sessions: a session that does nothing for the idle timeout is
// closed (FTP `421 Idle timeout`, SFTP disconnect) so idle sessions cannot fill the per-address slots,
// while a long upload or download (data flowing, the FTP control connection silent) is never cut.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connect, type Socket } from "node:net";
import { describe, it } from "node:test";
import { eq } from "drizzle-orm";
import ssh2 from "ssh2";
import type { Db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import type { RunningServer } from "./sftp-server";
import { transferStorage } from "./storage";
import { lftpScript, sftpBatch, waitFor } from "./testing/clients";
import { withTestServers } from "./testing/servers";
import { createSender, withTransferWorld, writeTestFile, type TestSender } from "./testing/world";
import type { HostKey } from "./host-key";

/** Short enough for a test, long against loopback round trips; transfers below last several times longer. */
const IDLE_MS = 800;
/** 240 KiB at 80 KiB/s: about 3 s of steady data, well over IDLE_MS. */
const SLOW_FILE = randomBytes(240 * 1024);

/** A raw FTP control connection: what the server said, and a promise settled when it closes. */
function ftpControl(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = "";
    const socket = connect({ port, host: "127.0.0.1" });
    const closed = new Promise<void>((r) => socket.once("close", () => r()));
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.once("connect", () => resolve({ socket, received: () => text, closed }));
    socket.once("error", reject);
  });
}

/** Fails unless `closed` settles within `ms` (the server's idle timeout is much shorter). */
async function within(closed: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} still open after ${ms} ms`)), ms)));
  try {
    await Promise.race([closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("idle timeout of logged-in batch sessions (issue 15)", () => {
  let db: Db;
  let dir = "";
  const senderIds = new Map<string, string>();
  /** The sender (organisation) owning the account: storage is per sender. */
  const senderOf = (sender: TestSender) => senderIds.get(sender.accountId) ?? "";
  let hostKey: HostKey;
  let sftp: RunningServer;
  let ftp: RunningServer;
  let claire: TestSender;
  let ivan: TestSender;
  withTransferWorld(async (world) => {
    ({ db, dir } = world);
    hostKey = world.hostKey;
    const limits = { loginTimeoutMs: 60_000, idleTimeoutMs: IDLE_MS, maxConnections: 50, maxConnectionsPerIp: 2 };
    sftp = await servers.sftp(hostKey, { limits });
    ftp = await servers.ftp(75, { limits });
    [claire, ivan] = await Promise.all([createSender(world.db, "claire", "SFTP", "EXPCLAIREIDLE"), createSender(world.db, "ivan", "FTP", "EXPIVANIDLE")]);
    writeTestFile(dir, "SLOW.bin", SLOW_FILE);
    for (const sender of [claire, ivan]) {
      const [row] = await db.select({ senderId: accounts.senderId }).from(accounts).where(eq(accounts.id, sender.accountId));
      senderIds.set(sender.accountId, row?.senderId ?? "");
      await transferStorage().put(senderOf(sender), "OUT", "SLOW.OUT", new Uint8Array(SLOW_FILE));
    }
  });
  const servers = withTestServers();

  it("FTP: logged-in sessions left idle get 421 Idle timeout and free their slots for a new login", async () => {
    const sessions = [await ftpControl(ftp.port), await ftpControl(ftp.port)];
    for (const s of sessions) {
      await waitFor(() => /^220 /m.test(s.received()), "the greeting");
      s.socket.write(`USER ${ivan.username}\r\nPASS ${ivan.password}\r\n`);
      await waitFor(() => /^230 /m.test(s.received()), "the login");
    }
    // Both per-address slots are taken: before the idle timeout existed they stayed taken for ever.
    for (const s of sessions) await within(s.closed, 10_000, "an idle FTP session");
    for (const s of sessions) assert.match(s.received(), /^421 Idle timeout \(1 seconds\): closing control connection\.\r$/m);
    await waitFor(() => ftp.openConnections() === 0, "the slots to free");
    const result = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["cls -1 /"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /OUTTEST-S/);
  });

  it("FTP: a slow upload and a slow download with lftp outlast the idle timeout (data counts as activity)", async () => {
    const result = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["cd IN", "put SLOW.bin", "cd ../OUT", "get SLOW.OUT -o SLOW.ftp"], ["set net:limit-rate 81920"]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(path.join(dir, "SLOW.ftp")), SLOW_FILE);
    const kept = await transferStorage().stat(senderOf(ivan), "IN", "SLOW.bin");
    assert.equal(kept?.size, SLOW_FILE.length);
  });

  it("SFTP: a logged-in session left idle is disconnected", async () => {
    const client = new ssh2.Client();
    const closed = new Promise<void>((r) => client.once("close", () => r()));
    client.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      client.once("ready", () => resolve()).once("error", reject);
      client.connect({ host: "127.0.0.1", port: sftp.port, username: claire.username, privateKey: claire.ssh?.privateKeyOpenssh ?? "" });
    });
    await new Promise<void>((resolve, reject) => client.sftp((error) => (error ? reject(error) : resolve())));
    await within(closed, 10_000, "an idle SFTP session");
    await waitFor(() => sftp.openConnections() === 0, "the slot to free");
  });

  it("SFTP: a slow upload and a slow download with OpenSSH sftp outlast the idle timeout", async () => {
    // -l: bandwidth limit in Kbit/s (640 Kbit/s = 80 KiB/s); -R 1 -B 16384: one 16 KiB request at a
    // time, as on a slow link where the client asks for more as data arrives (with its default 64
    // pipelined requests, all of this small file is requested at once and then only buffered locally).

    const result = await sftpBatch(dir, sftp.port, hostKey, claire.username, claire.ssh?.privateKeyOpenssh ?? "", ["cd IN", "put SLOW.bin", "cd ../OUT", "get SLOW.OUT SLOW.sftp"], ["-l", "640", "-R", "1", "-B", "16384"]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.deepEqual(readFileSync(path.join(dir, "SLOW.sftp")), SLOW_FILE);
    const kept = await transferStorage().stat(senderOf(claire), "IN", "SLOW.bin");
    assert.equal(kept?.size, SLOW_FILE.length);
  });
});
