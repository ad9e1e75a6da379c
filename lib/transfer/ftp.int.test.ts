// Issue 15 end to end over FTP with Debian's `lftp`: passive mode, MLSD listings, explicit TLS,
// FS made by `openssl smime -sign` (seed 000 §3.1), answers fetched from OUT.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { actorFor } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import { transferDeclarations } from "@/lib/db/schema";
import type { RunningServer } from "./sftp-server";
import { transferStorage } from "./storage";
import { lftpScript, uploadsInProgress } from "./testing/clients";
import { opensslSign } from "./testing/openssl";
import { withTestServers } from "./testing/servers";
import { createSender, withTransferWorld, writeTestFile, type TestSender } from "./testing/world";

const DATE = "20260106";
const fiText = (n: number) => `<?xml version="1.0"?>\n<Dimona n="${n}"/>\n`;

describe("FTP endpoint (issue 15, seed 000)", () => {
  let db: Db;
  let dir = "";
  let storageRoot = "";
  let server: RunningServer;
  let tlsServer: RunningServer;
  let ivan: TestSender;
  withTransferWorld(async (world) => {
    ({ db, dir, storageRoot } = world);
    server = await servers.ftp(0, { port: Number(process.env.CHAMAN_TEST_FTP_PORT ?? 0), pasvCount: 25 });
    // A self-signed server certificate for AUTH TLS.
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", "tls.key", "-out", "tls.crt"], { cwd: dir, stdio: "pipe" });
    tlsServer = await servers.ftp(25, { pasvCount: 25, tls: { certFile: path.join(dir, "tls.crt"), keyFile: path.join(dir, "tls.key") } });
    ivan = await createSender(db, "ivan", "FTP", "EXPIVANFTP1");
  });
  const servers = withTestServers();

  const lftp = (sender: { username: string; password?: string }, commands: string[], settings: string[] = [], port = server.port) => lftpScript(dir, port, sender.username, sender.password ?? "", commands, settings);
  const declaration = (seq: string, env: "R" | "T", options: { senderNumber?: string; fs?: boolean } = {}) => {
    const stem = `DIMONA.${options.senderNumber ?? ivan.senderNumber}.${DATE}.${seq}.${env}`;
    const fi = new Uint8Array(Buffer.from(fiText(Number(seq))));
    writeTestFile(dir, `FI.${stem}.1.1`, fi);
    writeTestFile(dir, `GO.${stem}.1`, "");
    const puts = [`put FI.${stem}.1.1`];
    if (options.fs ?? env === "R") {
      writeTestFile(dir, `FS.${stem}.1.1`, opensslSign(fi, ivan.signer.pem, ivan.signer.privateKeyPem));
      puts.push(`put FS.${stem}.1.1`);
    }
    puts.push(`put GO.${stem}.1`);
    return { stem, puts };
  };
  const state = async (seq: string) =>
    (await db.select({ state: transferDeclarations.state }).from(transferDeclarations).where(and(eq(transferDeclarations.accountId, ivan.accountId), eq(transferDeclarations.sequence, seq))))[0]?.state;

  it("accepts a signed production declaration in passive mode: ACRF fetched from OUT (MLSD listing), then deleted", async () => {
    const { stem, puts } = declaration("1", "R");
    const result = await lftp(ivan, ["cd IN", ...puts, "cd ../OUT", "cls -l", `get ACRF.${stem}`, `rm ACRF.${stem}`, "cls"], ["set ftp:use-mlsd yes"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`ACRF\\.${stem.replace(/\./g, "\\.")}`));
    assert.match(readFileSync(path.join(dir, `ACRF.${stem}`), "utf8"), /<Status>ACCEPTED<\/Status>/);
    assert.equal(await state("1"), "accepted");
  });

  it("refuses a wrong sender number with its reason in the sender's contact language (Dutch)", async () => {
    const claire = await actorFor(db, "claire");
    const { stem, puts } = declaration("2", "T", { senderNumber: claire.ctx.senderNumber ?? "" });
    const result = await lftp(ivan, ["cd INTEST", ...puts, "cd ../OUTTEST", `get NOTIF.${stem}`]);
    assert.equal(result.code, 0, result.stderr);
    const notif = readFileSync(path.join(dir, `NOTIF.${stem}`), "utf8");
    assert.match(notif, /code="name.sender-mismatch"/);
    assert.match(notif, /verzendernummer/);
  });

  it("refuses a wrong password", async () => {
    const result = await lftp({ username: ivan.username, password: "Wrong+2026" }, ["cls"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /Login incorrect/);
  });

  it("keeps every path inside the sender's folders and hides other senders' files", async () => {
    const claire = await actorFor(db, "claire");
    await transferStorage().put(claire.ctx.senderId ?? "", "OUT", "ACRF.CLAIRE", new Uint8Array(Buffer.from("x")));
    const result = await lftp(ivan, ["cd IN", "cd ../../..", "quote PWD", "cls -1", "cls -1 /OUT"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /257 "\/"/);
    assert.match(result.stdout, /INTEST-S/);
    assert.doesNotMatch(result.stdout, /CLAIRE/);
    for (const command of ["get /etc/passwd", "get ../../etc/passwd", "cd /etc", "get /OUT/ACRF.CLAIRE", "mkdir /IN/sub"]) {
      assert.notEqual((await lftp(ivan, [command])).code, 0, command);
    }
    assert.equal(existsSync(path.join(dir, "passwd")), false);
  });

  it("refuses a download from IN or of a missing file with 550 (RFC 959 §4.2), not 551", async () => {
    const senderId = (await actorFor(db, "ivan")).ctx.senderId ?? "";
    await transferStorage().put(senderId, "IN", "FI.KEPT", new Uint8Array(Buffer.from("x")));
    const fromIn = await lftp(ivan, ["get /IN/FI.KEPT -o FI.KEPT.copy"]);
    assert.notEqual(fromIn.code, 0);
    assert.match(fromIn.stderr, /550 Permission denied: files can be downloaded only from OUT, OUTTEST and OUTTEST-S/);
    const missing = await lftp(ivan, ["get /OUT/NOTHING.HERE"]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /550 No such file/);
    assert.equal(existsSync(path.join(dir, "FI.KEPT.copy")), false);
  });

  it("refuses a file above the size limit without keeping any of it", async () => {
    writeTestFile(dir, "big.bin", Buffer.alloc(5 * 1024 * 1024, 1));
    const result = await lftp(ivan, ["cd IN", "put big.bin"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /too large/i);
    assert.equal(await transferStorage().stat(ivan.accountId && (await actorFor(db, "ivan")).ctx.senderId!, "IN", "big.bin"), null);
    assert.deepEqual(uploadsInProgress(storageRoot), []);
  });

  it("refuses an upload over the sender's quota with 552, keeping nothing", async () => {
    const senderId = (await actorFor(db, "ivan")).ctx.senderId ?? "";
    const storage = transferStorage();
    const fillers = ["filler-1", "filler-2", "filler-3", "filler-4"];
    for (const name of fillers) await storage.put(senderId, "IN", name, new Uint8Array(3.9 * 1024 * 1024));
    try {
      writeTestFile(dir, "over.bin", Buffer.alloc(2 * 1024 * 1024, 1));
      const result = await lftp(ivan, ["cd IN", "put over.bin"]);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /\b552\b.*Quota exceeded/i);
      assert.equal(await storage.stat(senderId, "IN", "over.bin"), null);
    } finally {
      for (const name of fillers) await storage.remove(senderId, "IN", name);
    }
  });

  it("resumes an upload (REST + STOR) and takes two uploads at once", async () => {
    const a = declaration("3", "T");
    const b = declaration("4", "T");
    const fi = readFileSync(path.join(dir, `FI.${a.stem}.1.1`));
    writeTestFile(dir, "first-part", fi.subarray(0, 10));
    const resumed = await lftp(ivan, ["cd INTEST", `put first-part -o FI.${a.stem}.1.1`, `put -c FI.${a.stem}.1.1`]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const [ra, rb] = await Promise.all([lftp(ivan, ["cd INTEST", `put GO.${a.stem}.1`]), lftp(ivan, ["cd INTEST", ...b.puts])]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    assert.equal(await state("3"), "accepted");
    assert.equal(await state("4"), "accepted");
  });

  it("offers explicit TLS (AUTH TLS) when a certificate is configured", async () => {
    const { stem, puts } = declaration("5", "T");
    const result = await lftp(ivan, ["cd INTEST", ...puts, "cd ../OUTTEST", `get ACRF.${stem}`], ["set ftp:ssl-allow yes", "set ftp:ssl-force yes", "set ftp:ssl-protect-data yes", "set ssl:verify-certificate no"], tlsServer.port);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await state("5"), "accepted");
  });
});
