// Issue 15 end to end over SFTP with Debian's OpenSSH `sftp` client: accounts made by the channel
// service, FS made by `openssl smime -sign` as seed 000 §3.1 says, answers fetched from OUT.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { spawn } from "node:child_process";
import { deleteAccount } from "@/lib/channels/account-edits";
import { actorFor } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import { auditEvents, transferDeclarations } from "@/lib/db/schema";
import { generateSshKeyPair } from "@/lib/pki/generate";
import type { HostKey } from "./host-key";
import { startSftpServer, type RunningServer } from "./sftp-server";
import { transferStorage } from "./storage";
import { sftpBatch, sftpSession, uploadsInProgress, waitFor } from "./testing/clients";
import { opensslSign } from "./testing/openssl";
import { createSender, withTransferWorld, writeTestFile, type TestSender } from "./testing/world";

const DATE = "20260105";
const fiText = (n: number) => `<?xml version="1.0"?>\n<DmfA>\n  <Declaration n="${n}"/>\n</DmfA>\n`;

describe("SFTP endpoint (issue 15, seed 001)", () => {
  let db: Db;
  let dir = "";
  let hostKey: HostKey;
  let storageRoot = "";
  let server: RunningServer;
  let claire: TestSender;
  let ivan: TestSender;
  withTransferWorld(async (world) => {
    ({ db, dir, hostKey, storageRoot } = world);
    server = await startSftpServer({ host: "127.0.0.1", port: Number(process.env.CHAMAN_TEST_SFTP_PORT ?? 0), hostKey: hostKey.privateKey });
    [claire, ivan] = await Promise.all([createSender(db, "claire", "SFTP", "EXPCLAIRESFTP"), createSender(db, "ivan", "SFTP", "EXPIVANSFTP")]);
  });
  after(() => server?.close());

  const sftp = (sender: TestSender, commands: string[], args: string[] = []) => sftpBatch(dir, server.port, hostKey, sender.username, sender.ssh?.privateKeyOpenssh ?? "", commands, args);
  const declaration = (sender: TestSender, seq: string, env: "R" | "T" | "S", options: { senderNumber?: string; fs?: "good" | "bad" | "none" } = {}) => {
    const stem = `DMFA.${options.senderNumber ?? sender.senderNumber}.${DATE}.${seq}.${env}`;
    const fi = new Uint8Array(Buffer.from(fiText(Number(seq))));
    writeTestFile(dir, `FI.${stem}.1.1`, fi);
    writeTestFile(dir, `GO.${stem}.1`, "");
    const puts = [`put FI.${stem}.1.1`];
    if ((options.fs ?? "good") !== "none") {
      const signed = options.fs === "bad" ? new Uint8Array(Buffer.from(fiText(999))) : fi;
      writeTestFile(dir, `FS.${stem}.1.1`, opensslSign(signed, sender.signer.pem, sender.signer.privateKeyPem));
      puts.push(`put FS.${stem}.1.1`);
    }
    puts.push(`put GO.${stem}.1`);
    return { stem, puts };
  };
  const row = async (sender: TestSender, seq: string) =>
    (await db.select().from(transferDeclarations).where(and(eq(transferDeclarations.accountId, sender.accountId), eq(transferDeclarations.sequence, seq))))[0];

  it("accepts a signed production declaration: ACRF fetched from OUT, then deleted", async () => {
    const { stem, puts } = declaration(claire, "00001", "R");
    const result = await sftp(claire, ["cd IN", ...puts, "cd ../OUT", `get ACRF.${stem}`, `rm ACRF.${stem}`, "ls -l"]);
    assert.equal(result.code, 0, result.stderr);
    const acrf = readFileSync(path.join(dir, `ACRF.${stem}`), "utf8");
    assert.match(acrf, /<Status>ACCEPTED<\/Status>/);
    assert.match(acrf, new RegExp(`FI\\.${stem.replace(/\./g, "\\.")}\\.1\\.1`));
    assert.equal((await row(claire, "00001"))?.state, "accepted");
    assert.deepEqual(await transferStorage().list((await actorFor(db, "claire")).ctx.senderId ?? "", "OUT"), []);
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorLabel, claire.username))).map((e) => e.action);
    for (const action of ["transfer.login", "transfer.upload", "transfer.declaration-accepted", "transfer.delete"]) assert.ok(actions.includes(action), action);
  });

  it("refuses a bad signature, a wrong sender number and a production file without FS, each with its reason", async () => {
    const bad = declaration(claire, "00002", "R", { fs: "bad" });
    const wrongSender = declaration(claire, "00003", "R", { senderNumber: ivan.senderNumber });
    const noFs = declaration(claire, "00004", "R", { fs: "none" });
    const result = await sftp(claire, ["cd IN", ...bad.puts, ...wrongSender.puts, ...noFs.puts, "cd ../OUT", `get NOTIF.${bad.stem}`, `get NOTIF.${wrongSender.stem}`, `get NOTIF.${noFs.stem}`]);
    assert.equal(result.code, 0, result.stderr);
    const notif = (stem: string) => readFileSync(path.join(dir, `NOTIF.${stem}`), "utf8");
    assert.match(notif(bad.stem), /code="fs.invalid"/);
    assert.match(notif(bad.stem), /ne correspond pas au contenu/); // claire's contact language is French
    assert.match(notif(wrongSender.stem), /code="name.sender-mismatch"/);
    assert.match(notif(noFs.stem), /code="fs.missing"/);
    assert.equal((await row(claire, "00004"))?.state, "refused");
  });

  it("needs no FS in the test environments and answers in OUTTEST; a GO re-sent after the answer is refused as already processed", async () => {
    const { stem, puts } = declaration(claire, "00005", "T", { fs: "none" });
    const result = await sftp(claire, ["cd INTEST", ...puts, `put GO.${stem}.1`, "cd ../OUTTEST", `get ACRF.${stem}`, "ls -1"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await row(claire, "00005"))?.state, "accepted");
    const again = new RegExp(`NOTIF\\.GO\\.${stem.replace(/\./g, "\\.")}\\.1\\.[0-9a-f]{8}`).exec(result.stdout)?.[0];
    assert.ok(again, result.stdout);
    assert.equal((await sftp(claire, ["cd OUTTEST", `get ${again}`])).code, 0);
    assert.match(readFileSync(path.join(dir, again), "utf8"), /code="declaration.already-answered"[^>]*>La déclaration [^ ]+ a déjà été traitée/);
  });

  it("answers a GO whose name is malformed with a NOTIF naming the problem", async () => {
    const bad = `GO.DMFA.${claire.senderNumber}.20260230.00006.T.1`;
    writeTestFile(dir, bad, "");
    const result = await sftp(claire, ["cd INTEST", `put ${bad}`, "cd ../OUTTEST", "ls -1"]);
    assert.equal(result.code, 0, result.stderr);
    const answer = new RegExp(`NOTIF\\.${bad.replace(/\./g, "\\.")}\\.[0-9a-f]{8}`).exec(result.stdout)?.[0];
    assert.ok(answer, result.stdout);
    assert.equal((await sftp(claire, ["cd OUTTEST", `get ${answer}`])).code, 0);
    assert.match(readFileSync(path.join(dir, answer), "utf8"), /code="go-name.date"[^>]*>La date « 20260230 »/);
  });

  it("refuses a key that is not the account's", async () => {
    const stranger = { ...claire, ssh: generateSshKeyPair({ bits: 2048 }) };
    const result = await sftp(stranger, ["ls"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /Permission denied/);
  });

  it("does not count keys a client merely offers before its registered one", async () => {
    // ssh-agent, Pageant or ~/.ssh/id_* make clients offer other keys first (RFC 4252 §7 query, no
    // signature): a normal SSH negotiation, not a failed login. Counted as failures, a few sessions
    // of a sender whose agent holds another key locked its username out.
    const sender = await createSender(db, "danny", "SFTP", "EXPDANNYAGENT");
    const registeredKey = writeTestFile(dir, "id-agent-registered", sender.ssh?.privateKeyOpenssh ?? "", 0o600);
    const offeredFirst = { ...sender, ssh: generateSshKeyPair({ bits: 2048 }) };
    for (let i = 0; i < 6; i++) {
      const result = await sftp(offeredFirst, ["ls"], ["-i", registeredKey]);
      assert.equal(result.code, 0, result.stderr);
    }
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorLabel, sender.username))).map((e) => e.action);
    assert.equal(actions.filter((a) => a === "transfer.login").length, 6);
    assert.deepEqual(actions.filter((a) => a !== "transfer.login"), []);
    // A connection that offers only keys that are not registered still counts as one failure.
    const refused = await sftp(offeredFirst, ["ls"]);
    assert.notEqual(refused.code, 0);
    await waitFor(async () => (await db.select().from(auditEvents).where(and(eq(auditEvents.actorLabel, sender.username), eq(auditEvents.action, "transfer.login-failed")))).length === 1, "one failure journaled");
  });

  it("lets one sender open eight sessions at once (parallel transfers): a key signature cannot be guessed", async () => {
    // QA on PostgreSQL: with pending attempts counted against the username, the 6th simultaneous login
    // of the right key was refused (« Permission denied (publickey) ») and journaled as throttled.
    const actions = async () => (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorLabel, ivan.username)).orderBy(auditEvents.id)).map((e) => e.action);
    const before = await actions();
    const runs = await Promise.all(Array.from({ length: 8 }, () => sftp(ivan, ["ls"])));
    for (const result of runs) assert.equal(result.code, 0, result.stderr);
    assert.deepEqual((await actions()).slice(before.length).sort(), Array.from({ length: 8 }, () => "transfer.login"));
  });

  it("keeps every path inside the sender's six folders", async () => {
    const result = await sftp(claire, ["cd ..", "cd ..", "pwd", "ls"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Remote working directory: \/\n/);
    for (const folder of ["IN", "INTEST", "INTEST-S", "OUT", "OUTTEST", "OUTTEST-S"]) assert.match(result.stdout, new RegExp(`\\b${folder}\\b`));
    for (const command of ["get ../../etc/passwd", "get /etc/passwd", "cd /etc", "get OUT/../../../../etc/hostname", "mkdir /IN/sub", "symlink /etc/passwd /IN/link"]) {
      const escaped = await sftp(claire, ["cd OUT", command]);
      assert.notEqual(escaped.code, 0, command);
    }
    assert.equal(existsSync(path.join(dir, "passwd")), false);
  });

  it("uploads only into IN folders, downloads only in OUT folders; a file no GO closed can be deleted from IN", async () => {
    writeTestFile(dir, "note.txt", "x");
    assert.notEqual((await sftp(claire, ["cd OUT", "put note.txt"])).code, 0);
    assert.equal((await sftp(claire, ["cd IN", "put note.txt"])).code, 0);
    assert.notEqual((await sftp(claire, ["cd IN", "get note.txt fetched.txt"])).code, 0);
    const claireSender = (await actorFor(db, "claire")).ctx.senderId ?? "";
    assert.ok(await transferStorage().stat(claireSender, "IN", "note.txt"));
    assert.equal((await sftp(claire, ["cd IN", "rm note.txt"])).code, 0);
    assert.equal(await transferStorage().stat(claireSender, "IN", "note.txt"), null);
  });

  it("never shows another sender's files", async () => {
    const claireSender = (await actorFor(db, "claire")).ctx.senderId ?? "";
    await transferStorage().put(claireSender, "OUT", "ACRF.SECRET", new Uint8Array(Buffer.from("claire's")));
    const listing = await sftp(ivan, ["ls -l /OUT"]);
    assert.equal(listing.code, 0, listing.stderr);
    assert.doesNotMatch(listing.stdout, /SECRET/);
    assert.notEqual((await sftp(ivan, ["get /OUT/ACRF.SECRET"])).code, 0);
  });

  it("takes WinSCP-style uploads (temporary name, rename, SETSTAT) and resumed uploads", async () => {
    const { stem } = declaration(claire, "00006", "T", { fs: "none" });
    const fi = readFileSync(path.join(dir, `FI.${stem}.1.1`));
    writeTestFile(dir, "first-half", fi.subarray(0, 20));
    const result = await sftp(claire, [
      "cd INTEST",
      // WinSCP: upload under a temporary name, rename, then set the permissions and times.
      `put first-half FI.${stem}.1.1.filepart`,
      `rename FI.${stem}.1.1.filepart FI.${stem}.1.1`,
      `chmod 644 FI.${stem}.1.1`,
      // OpenSSH: resume the interrupted upload from where it stopped.
      `reput FI.${stem}.1.1`,
      `put -p GO.${stem}.1`,
      "cd ../OUTTEST",
      `get ACRF.${stem}`,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await row(claire, "00006"))?.state, "accepted");
    const sha = createHash("sha256").update(fi).digest("hex");
    assert.match(readFileSync(path.join(dir, `ACRF.${stem}`), "utf8"), new RegExp(`size="${fi.length}" sha256="${sha}"`));
  });

  it("takes two uploads at once", async () => {
    const a = declaration(claire, "00007", "T", { fs: "none" });
    const b = declaration(claire, "00008", "T", { fs: "none" });
    const [ra, rb] = await Promise.all([sftp(claire, ["cd INTEST", ...a.puts]), sftp(claire, ["cd INTEST", ...b.puts])]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    assert.equal((await row(claire, "00007"))?.state, "accepted");
    assert.equal((await row(claire, "00008"))?.state, "accepted");
  });

  it("refuses a file above the size limit without keeping any of it", async () => {
    writeTestFile(dir, "big.bin", Buffer.alloc(5 * 1024 * 1024, 1));
    const result = await sftp(claire, ["cd IN", "put big.bin"]);
    assert.notEqual(result.code, 0);
    const ls = await sftp(claire, ["ls /IN"]);
    assert.doesNotMatch(ls.stdout, /big\.bin/);
    assert.deepEqual(uploadsInProgress(storageRoot), []);
  });

  it("keeps nothing of an upload whose client is killed, so the GO finds no FI", async () => {
    const { stem } = declaration(claire, "00009", "T", { fs: "none" });
    writeTestFile(dir, `FI.${stem}.1.1`, Buffer.alloc(3 * 1024 * 1024, 65));
    const key = writeTestFile(dir, "id-kill", claire.ssh?.privateKeyOpenssh ?? "", 0o600);
    const known = writeTestFile(dir, "known-kill", `[127.0.0.1]:${server.port} ${hostKey.publicKey}\n`);
    const batch = writeTestFile(dir, "batch-kill", `cd INTEST\nput FI.${stem}.1.1\n`);
    // -l: 200 Kbit/s, so the upload is surely still running when the client is killed.
    const child = spawn("sftp", ["-l", "200", "-b", batch, "-i", key, "-P", String(server.port), "-o", `UserKnownHostsFile=${known}`, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", `${claire.username}@127.0.0.1`], { cwd: dir, stdio: "ignore" });
    await waitFor(() => uploadsInProgress(storageRoot).length > 0, "the upload to start");
    child.kill("SIGKILL");
    await waitFor(() => uploadsInProgress(storageRoot).length === 0, "the server to discard the upload");
    const result = await sftp(claire, ["cd INTEST", `put GO.${stem}.1`, "cd ../OUTTEST", `get NOTIF.${stem}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(path.join(dir, `NOTIF.${stem}`), "utf8"), /code="go.without-fi"/);
  });

  it("stops a deleted account at once, telling an open session why in the sender's language", async () => {
    const before = await sftp(ivan, ["ls /IN"]);
    assert.equal(before.code, 0, before.stderr);
    const open = sftpSession(dir, server.port, hostKey, ivan.username, ivan.ssh?.privateKeyOpenssh ?? "");
    await open.command("pwd", /Remote working directory: \//);
    const actor = await actorFor(db, "ivan");
    const deleted = await deleteAccount(db, actor, { accountId: ivan.accountId });
    assert.equal(deleted.ok, true);
    const after = await open.finish("ls /IN");
    assert.notEqual(after.code, 0);
    // Ivan's contact language is Dutch (demo data); OpenSSH prints the SSH disconnect's description.
    assert.match(after.stderr, /Received disconnect from 127\.0\.0\.1 port \d+:11: Account verwijderd: verbinding gesloten/);
    assert.notEqual((await sftp(ivan, ["ls /IN"])).code, 0);
  });
});
