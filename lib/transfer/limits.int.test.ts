// Issue 15, limits with the real clients: a small configured quota refused with each protocol's own
// error and nothing kept, the quota counting the space files really take, an FTP client killed
// during an upload leaving no half file, and stale IN files expiring (journaled).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { expireStaleInFiles } from "./expiry";
import type { RunningServer } from "./sftp-server";
import { transferStorage } from "./storage";
import { lftpScript, sftpBatch, uploadsInProgress, waitFor } from "./testing/clients";
import { withTestServers } from "./testing/servers";
import { createSender, withTransferWorld, writeTestFile, type TestSender } from "./testing/world";
import { actorFor } from "@/lib/channels/test-support";
import type { HostKey } from "./host-key";

const QUOTA = 1024 * 1024;

describe("transfer limits with the real clients (issue 15)", () => {
  let db: Db;
  let dir = "";
  let storageRoot = "";
  let hostKey: HostKey;
  let sftp: RunningServer;
  let ftp: RunningServer;
  let claire: TestSender;
  let ivan: TestSender;
  withTransferWorld(
    async (world) => {
      ({ db, dir, storageRoot, hostKey } = world);
      sftp = await servers.sftp(hostKey);
      ftp = await servers.ftp(75);
      [claire, ivan] = await Promise.all([createSender(db, "claire", "SFTP", "EXPCLAIRELIM"), createSender(db, "ivan", "FTP", "EXPIVANLIM")]);
    },
    { maxFileBytes: 4 * QUOTA, quotaBytes: QUOTA },
  );
  const servers = withTestServers();
  const senderOf = async (persona: string) => (await actorFor(db, persona)).ctx.senderId ?? "";

  it("SFTP: refuses an upload over a 1 MiB quota with « Quota exceeded », keeping nothing", async () => {
    writeTestFile(dir, "over-sftp.bin", Buffer.alloc(QUOTA + 4096, 1));
    const result = await sftpBatch(dir, sftp.port, hostKey, claire.username, claire.ssh?.privateKeyOpenssh ?? "", ["cd IN", "put over-sftp.bin"]);
    assert.notEqual(result.code, 0);
    // SFTP v3 has no quota status: SSH_FX_FAILURE with the message « Quota exceeded », which OpenSSH
    // shows by its code only (« Failure »).
    assert.match(result.stderr, /write remote "\/IN\/over-sftp.bin": Failure/);
    assert.equal(await transferStorage().stat(await senderOf("claire"), "IN", "over-sftp.bin"), null);
    assert.deepEqual(uploadsInProgress(storageRoot), []);
  });

  it("FTP: refuses an upload over a 1 MiB quota with 552, keeping nothing", async () => {
    writeTestFile(dir, "over-ftp.bin", Buffer.alloc(QUOTA + 4096, 1));
    const result = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["cd IN", "put over-ftp.bin"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /\b552\b.*Quota exceeded/i);
    assert.equal(await transferStorage().stat(await senderOf("ivan"), "IN", "over-ftp.bin"), null);
    assert.deepEqual(uploadsInProgress(storageRoot), []);
  });

  it("counts a file at the space it really takes: tiny files pay their blocks, a sparse file its holes", async () => {
    const senderId = await senderOf("claire");
    const storage = transferStorage();
    const before = await storage.usage(senderId);
    for (const name of ["tiny-1", "tiny-2", "tiny-3"]) await storage.put(senderId, "INTEST", name, new Uint8Array([1]));
    assert.ok((await storage.usage(senderId)) - before >= 3 * 512, "each tiny file counts at least one 512-byte unit");
    const sparse = await storage.beginUpload(senderId, "INTEST", "sparse.bin");
    await sparse.write(QUOTA / 2 - 1, new Uint8Array([1]));
    await sparse.commit();
    assert.ok((await storage.usage(senderId)) - before >= QUOTA / 2, "the holes count");
    for (const name of ["tiny-1", "tiny-2", "tiny-3", "sparse.bin"]) await storage.remove(senderId, "INTEST", name);
  });

  it("FTP: keeps nothing of an upload whose lftp is killed, so the GO finds no FI", async () => {
    const stem = `DIMONA.${ivan.senderNumber}.20260110.42.T`;
    writeTestFile(dir, `FI.${stem}.1.1`, Buffer.alloc(QUOTA / 2, 65));
    writeTestFile(dir, `GO.${stem}.1`, "");
    const script = writeTestFile(
      dir,
      "lftp-kill",
      // 20 KB/s: the upload is surely still running when the client is killed.
      ["set net:limit-rate 20000", "set ftp:passive-mode yes", "set ftp:ssl-allow no", `open -u ${ivan.username},${ivan.password ?? ""} -p ${ftp.port} 127.0.0.1`, "cd INTEST", `put FI.${stem}.1.1`, ""].join("\n"),
    );
    const child = spawn("lftp", ["-f", script], { cwd: dir, stdio: "ignore" });
    await waitFor(() => uploadsInProgress(storageRoot).length > 0, "the upload to start");
    child.kill("SIGKILL");
    await waitFor(() => uploadsInProgress(storageRoot).length === 0, "the server to discard the upload");
    assert.equal(await transferStorage().stat(await senderOf("ivan"), "INTEST", `FI.${stem}.1.1`), null);
    const result = await lftpScript(dir, ftp.port, ivan.username, ivan.password ?? "", ["cd INTEST", `put GO.${stem}.1`, "cd ../OUTTEST", `get NOTIF.${stem}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(path.join(dir, `NOTIF.${stem}`), "utf8"), /code="go.without-fi"/);
  });

  it("expires IN files no GO closed after the configured time, journaled; OUT files and fresh files stay", async () => {
    const senderId = await senderOf("claire");
    const storage = transferStorage();
    await storage.put(senderId, "IN", "FI.OLD.filepart", new Uint8Array([1, 2, 3]));
    await storage.put(senderId, "IN", "fresh.txt", new Uint8Array([1]));
    await storage.put(senderId, "OUT", "ACRF.OLD", new Uint8Array([1]));
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(storageRoot, "senders", senderId, "IN", "FI.OLD.filepart"), twoHoursAgo, twoHoursAgo);
    utimesSync(path.join(storageRoot, "senders", senderId, "OUT", "ACRF.OLD"), twoHoursAgo, twoHoursAgo);
    const [first, second] = await Promise.all([expireStaleInFiles(3_600_000), expireStaleInFiles(3_600_000)]);
    assert.equal((first ?? 0) + (second ?? 0), 1, "one deletion, by one of two processes");
    assert.equal(await storage.stat(senderId, "IN", "FI.OLD.filepart"), null);
    assert.ok(await storage.stat(senderId, "IN", "fresh.txt"));
    assert.ok(await storage.stat(senderId, "OUT", "ACRF.OLD"));
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "transfer.expired"), eq(auditEvents.senderId, senderId)));
    assert.deepEqual(events.map((e) => e.targetId), ["FI.OLD.filepart"]);
  });
});
