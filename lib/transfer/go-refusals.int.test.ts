// Issue 15: every GO gets an answer — a malformed GO name, a GO whose part count does not match the
// parts sent, and a GO that re-sends a declaration already answered — exactly once per upload.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditEvents, transferGoRefusals } from "@/lib/db/schema";
import { parseBatchFileName, type InFolder } from "@/lib/rules/batch-names";
import { loginWithPassword, type TransferAccount } from "./auth";
import { closeDeclaration } from "./declarations";
import { refuseMalformedGo } from "./go-refusals";
import { listDeclarations } from "./queries";
import { TransferSession } from "./session";
import { transferStorage } from "./storage";
import { createSender, withTransferWorld } from "./testing/world";

const text = (s: string) => new Uint8Array(Buffer.from(s));

describe("GO files answered without closing a declaration (issue 15)", () => {
  let db: Db;
  let account: TransferAccount;
  withTransferWorld(async (world) => {
    db = world.db;
    const sender = await createSender(db, "ivan", "FTP", "EXPIVANGOREF");
    const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
    if (!login.ok) throw new Error("login");
    account = login.account;
  });
  const storage = () => transferStorage();
  const upload = async (folder: InFolder, name: string, content = "") => {
    const session = new TransferSession(account, "127.0.0.1");
    const pending = await session.beginUpload(`/${folder}/${name}`);
    await pending.write(0, text(content));
    await pending.finish();
  };
  const out = async (folder: "OUT" | "OUTTEST" | "OUTTEST-S") => (await storage().list(account.senderId, folder)).map((f) => f.name);
  const read = async (folder: "OUT" | "OUTTEST" | "OUTTEST-S", name: string) => (await storage().readAll(account.senderId, folder, name, 1 << 20))?.toString("utf8") ?? "";

  it("answers a malformed GO with a NOTIF naming the problem in the contact language, and lists it on « Transferts »", async () => {
    const bad = `GO.DMFA.${account.senderNumber}.20261301.00001.X.1`;
    await upload("INTEST", bad);
    const [answer, ...others] = (await out("OUTTEST")).filter((n) => n.startsWith(`NOTIF.${bad}.`));
    assert.ok(answer, "a NOTIF for the bad GO");
    assert.equal(others.length, 0);
    const xml = await read("OUTTEST", answer);
    assert.match(xml, /code="go-name.date"/);
    assert.match(xml, /code="go-name.environment"/);
    assert.match(xml, /xml:lang="nl"/); // ivan's contact language is Dutch
    assert.match(xml, /is geen geldige datum in het formaat JJJJMMDD/);
    assert.equal(await storage().stat(account.senderId, "INTEST", bad), null, "the GO left INTEST");
    const view = (await listDeclarations(db, account.senderId)).find((d) => d.stem === bad);
    assert.equal(view?.state, "refused");
    assert.equal(view?.environment, "T");
    assert.equal(view?.answerPath, `OUTTEST/${answer}`);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "transfer.go-refused"));
    assert.ok(events.some((e) => e.targetId === bad));
  });

  it("keeps the answers of two different bad GOs and of two uploads of the same bad GO apart", async () => {
    await upload("IN", "GO.DMFA.1");
    await upload("IN", "GO.DMFA.2");
    await upload("IN", "GO.DMFA.1");
    const names = (await out("OUT")).filter((n) => n.startsWith("NOTIF.GO.DMFA."));
    assert.equal(names.length, 3);
    assert.equal(names.filter((n) => n.startsWith("NOTIF.GO.DMFA.1.")).length, 2);
    assert.match(await read("OUT", names[0] ?? ""), /code="go-name.field-count"/);
  });

  it("answers one upload of a bad GO once, even when two processes handle it at once", async () => {
    const bad = "go.DMFA.123456.20260101.1.T.1";
    await storage().put(account.senderId, "INTEST", bad, new Uint8Array());
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => refuseMalformedGo(account, "INTEST", bad, "127.0.0.1")));
    assert.equal(outcomes.filter((o) => o.state === "refused").length, 1);
    assert.equal((await out("OUTTEST")).filter((n) => n.startsWith(`NOTIF.${bad}.`)).length, 1);
    assert.equal((await db.select().from(transferGoRefusals).where(eq(transferGoRefusals.goFile, bad))).length, 1);
  });

  it("says when the GO's part count does not match the parts sent, and names a part above the count", async () => {
    const stem = `DMFA.${account.senderNumber}.20260201.7.T`;
    for (const name of [`FI.${stem}.3.1`, `FI.${stem}.3.2`, `FI.${stem}.3.3`]) await storage().put(account.senderId, "INTEST", name, text("<x/>"));
    await upload("INTEST", `GO.${stem}.2`);
    const mismatch = await read("OUTTEST", `NOTIF.${stem}`);
    assert.match(mismatch, /code="parts.count-mismatch"/);
    assert.match(mismatch, /kondigt 2 deel\/delen aan, maar het bestand FI\.[^ ]+\.3\.1 kondigt er 3 aan/);
    assert.doesNotMatch(mismatch, /go.without-fi/);
    assert.deepEqual((await storage().list(account.senderId, "INTEST")).map((f) => f.name), [], "the declaration's files left INTEST");

    const above = `DMFA.${account.senderNumber}.20260201.8.T`;
    for (const name of [`FI.${above}.2.1`, `FI.${above}.2.2`, `FI.${above}.2.3`]) await storage().put(account.senderId, "INTEST", name, text("<x/>"));
    await upload("INTEST", `GO.${above}.2`);
    const notif = await read("OUTTEST", `NOTIF.${above}`);
    assert.match(notif, /code="part.above-count" file="FI\.[^"]+\.2\.3"/);
  });

  it("reads part numbers as numbers: a GO ending `.02` closes `FI.….02.01` and `FI.….02.02`", async () => {
    // The parser takes zero-padded counts (as the sequence « 00001 » is padded); the parts must match
    // them the same way, not be named « above the count » for their spelling.
    const stem = `DMFA.${account.senderNumber}.20260202.11.T`;
    await storage().put(account.senderId, "INTEST", `FI.${stem}.02.01`, text("<x/>"));
    await storage().put(account.senderId, "INTEST", `FI.${stem}.02.02`, text("<y/>"));
    await upload("INTEST", `GO.${stem}.02`);
    const acrf = await read("OUTTEST", `ACRF.${stem}`);
    assert.match(acrf, /<Status>ACCEPTED<\/Status>/);
    assert.match(acrf, /name="FI\.[^"]+\.02\.02"/);
    assert.deepEqual((await storage().list(account.senderId, "INTEST")).map((f) => f.name), [], "the declaration's files left INTEST");
  });

  it("names at most ten missing parts and counts the rest, so an empty GO announcing 9999 parts stays small", async () => {
    // QA: GO.….T.9999 beside one FI made a 1.5 MB NOTIF and a 0.9 MB row of 9998 reasons per upload.
    const stem = `DMFA.${account.senderNumber}.20260203.12.T`;
    await storage().put(account.senderId, "INTEST", `FI.${stem}.9999.1`, text("<x/>"));
    await upload("INTEST", `GO.${stem}.9999`);
    const notif = await read("OUTTEST", `NOTIF.${stem}`);
    assert.equal(notif.match(/code="part.missing"/g)?.length, 10);
    assert.match(notif, /code="parts.missing-more"[^>]*>En nog 9988 /);
    assert.ok(notif.length < 8_000, `NOTIF of ${notif.length} characters`);
  });

  it("refuses a declaration re-sent after its answer as already processed, without touching the first answer", async () => {
    const stem = `DMFA.${account.senderNumber}.20260301.9.T`;
    await storage().put(account.senderId, "INTEST", `FI.${stem}.1.1`, text("<x/>"));
    await upload("INTEST", `GO.${stem}.1`);
    const acrf = await read("OUTTEST", `ACRF.${stem}`);
    assert.match(acrf, /ACCEPTED/);
    await storage().put(account.senderId, "INTEST", `FI.${stem}.1.1`, text("<y/>"));
    await upload("INTEST", `GO.${stem}.1`);
    const [again] = (await out("OUTTEST")).filter((n) => n.startsWith(`NOTIF.GO.${stem}.1.`));
    assert.ok(again, "the re-sent GO has its own answer");
    assert.match(await read("OUTTEST", again), /code="declaration.already-answered"[^>]*>De aangifte [^ ]+ werd al verwerkt \(antwoord ACRF\./);
    assert.equal(await read("OUTTEST", `ACRF.${stem}`), acrf, "the first answer is kept");
  });

  it("keeps « a GO received twice is answered once » for the same upload seen twice", async () => {
    const stem = `DRS.${account.senderNumber}.20260302.10.T`;
    await storage().put(account.senderId, "INTEST", `FI.${stem}.1.1`, text("<x/>"));
    await storage().put(account.senderId, "INTEST", `GO.${stem}.1`, new Uint8Array());
    const go = parseBatchFileName(`GO.${stem}.1`);
    if (go?.kind !== "GO") throw new Error("GO name");
    const first = await closeDeclaration(account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
    const second = await closeDeclaration(account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
    assert.equal(first.state, "accepted");
    assert.equal(second.state, "duplicate");
    assert.deepEqual((await out("OUTTEST")).filter((n) => n.includes(`GO.${stem}`)), []);
  });
});
