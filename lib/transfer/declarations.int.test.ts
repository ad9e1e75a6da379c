// Issue 15: a declaration is processed exactly once, even when two processes close it at the same time
// (the unique row in transfer_declarations decides, not a process-local flag).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, auditEvents, transferDeclarations } from "@/lib/db/schema";
import { parseBatchFileName } from "@/lib/rules/batch-names";
import { loginWithPassword } from "./auth";
import { closeDeclaration } from "./declarations";
import { listDeclarations } from "./queries";
import { TransferError, TransferSession } from "./session";
import { transferStorage } from "./storage";
import { createSender, withTransferWorld, type TestSender } from "./testing/world";

describe("declaration processing (issue 15)", () => {
  let db: Db;
  withTransferWorld((world) => {
    db = world.db;
  });
  // A sender has one FTP account at most: the tests that need one share it.
  let ivan: Promise<TestSender> | undefined;
  const ivanFtp = () => (ivan ??= createSender(db, "ivan", "FTP", "EXPIVANONCE"));

  it("answers a GO closed by two processes at once exactly once", async () => {
    const sender = await ivanFtp();
    const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
    assert.ok(login.ok);
    const stem = `DMFA.${sender.senderNumber}.20260107.1.T`;
    const storage = transferStorage();
    await storage.put(login.account.senderId, "INTEST", `FI.${stem}.1.1`, new Uint8Array(Buffer.from("<x/>")));
    await storage.put(login.account.senderId, "INTEST", `GO.${stem}.1`, new Uint8Array());
    const go = parseBatchFileName(`GO.${stem}.1`);
    assert.equal(go?.kind, "GO");
    if (go?.kind !== "GO") return;
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => closeDeclaration(login.account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1")));
    assert.equal(outcomes.filter((o) => o.state === "accepted").length, 1);
    assert.equal(outcomes.filter((o) => o.state === "duplicate").length, 7);
    const rows = await db.select().from(transferDeclarations).where(eq(transferDeclarations.accountId, sender.accountId));
    assert.equal(rows.length, 1);
    const verdicts = await db.select().from(auditEvents).where(eq(auditEvents.action, "transfer.declaration-accepted"));
    assert.equal(verdicts.length, 1);
    assert.deepEqual((await storage.list(login.account.senderId, "OUTTEST")).map((f) => f.name), [`ACRF.${stem}`]);
  });

  it("refuses an application the account does not hold, and an unknown one", async () => {
    const sender = await createSender(db, "claire", "SFTP", "EXPCLAIREONLY", { applications: ["DIMONA"] });
    const { loginWithKey } = await import("./auth");
    const sshpk = (await import("sshpk")).default;
    const blob = sshpk.parseKey(sender.ssh?.openssh ?? "", "ssh").toBuffer("rfc4253");
    const login = await loginWithKey(sender.username, blob, true, "127.0.0.1");
    assert.ok(login.ok);
    const storage = transferStorage();
    for (const [app, code] of [["DMFA", "name.application-not-permitted"], ["NOPE", "name.application-unknown"]] as const) {
      const stem = `${app}.${sender.senderNumber}.20260107.2.T`;
      await storage.put(login.account.senderId, "INTEST", `FI.${stem}.1.1`, new Uint8Array(Buffer.from("<x/>")));
      const go = parseBatchFileName(`GO.${stem}.1`);
      if (go?.kind !== "GO") throw new Error("GO name");
      const outcome = await closeDeclaration(login.account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
      assert.equal(outcome.state, "refused");
      assert.ok(outcome.state === "refused" && outcome.reasons.some((r) => r.code === code), code);
    }
  });

  it("shows the folder where the answer was stored: a T declaration put in IN is answered in OUT and listed under IN/OUT", async () => {
    const sender = await ivanFtp();
    const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
    assert.ok(login.ok);
    const stem = `DMFA.${sender.senderNumber}.20260109.3.T`;
    const storage = transferStorage();
    await storage.put(login.account.senderId, "IN", `FI.${stem}.1.1`, new Uint8Array(Buffer.from("<x/>")));
    const go = parseBatchFileName(`GO.${stem}.1`);
    if (go?.kind !== "GO") throw new Error("GO name");
    const outcome = await closeDeclaration(login.account, "IN", go, `GO.${stem}.1`, "127.0.0.1");
    assert.equal(outcome.state, "refused");
    assert.deepEqual((await storage.list(login.account.senderId, "OUT")).map((f) => f.name), [`NOTIF.${stem}`]);
    const [view] = await listDeclarations(db, login.account.senderId);
    assert.equal(view?.answerPath, `OUT/NOTIF.${stem}`);
    assert.equal(view?.stem, stem);
    // Listed under the folder the sender used (production), where its answer is — not under « T » of its name.
    assert.equal(view?.environment, "R");
  });

  it("takes over a declaration left « processing » by a process that died, when its GO comes again", async () => {
    const sender = await createSender(db, "ivan", "SFTP", "EXPIVANCRASH");
    const { loginWithKey } = await import("./auth");
    const sshpk = (await import("sshpk")).default;
    const login = await loginWithKey(sender.username, sshpk.parseKey(sender.ssh?.openssh ?? "", "ssh").toBuffer("rfc4253"), true, "127.0.0.1");
    assert.ok(login.ok);
    const stem = `DRS.${sender.senderNumber}.20260108.9.T`;
    await db.insert(transferDeclarations).values({
      senderId: login.account.senderId, accountId: sender.accountId, channel: "SFTP", application: "DRS", declarationDate: "20260108", sequence: "9", environment: "T", parts: 1,
      receivedAt: new Date(Date.now() - 10 * 60_000),
    });
    await transferStorage().put(login.account.senderId, "INTEST", `FI.${stem}.1.1`, new Uint8Array(Buffer.from("<x/>")));
    const go = parseBatchFileName(`GO.${stem}.1`);
    if (go?.kind !== "GO") throw new Error("GO name");
    const outcome = await closeDeclaration(login.account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
    assert.equal(outcome.state, "accepted");
    const again = await closeDeclaration(login.account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
    assert.equal(again.state, "duplicate");
  });

  it("tells a session that its account was deleted, and one whose password changed that it is no longer valid", async () => {
    const sender = await ivanFtp();
    const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
    assert.ok(login.ok);
    const session = new TransferSession(login.account, "127.0.0.1");
    await session.list("/IN");
    await db.update(accounts).set({ passwordHash: "changed" }).where(eq(accounts.id, sender.accountId));
    await assert.rejects(session.list("/IN"), (error: unknown) => error instanceof TransferError && error.code === "account-gone");
    await db.delete(accounts).where(eq(accounts.id, sender.accountId));
    await assert.rejects(session.list("/IN"), (error: unknown) => error instanceof TransferError && error.code === "account-deleted");
  });
});
