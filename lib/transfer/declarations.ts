import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { accountPermissions, certificates, permissions, transferDeclarations, type DeclarationReason } from "@/lib/db/schema";
import { declarationStem, ENVIRONMENT_FOLDERS, isInFolder, parseBatchFileName, partFileName, type BatchFileName, type DeclarationKey, type InFolder, type SenderFolder } from "@/lib/rules/batch-names";
import { acknowledgement, refusal, type ReceivedFile } from "./answers";
import type { TransferAccount } from "./auth";
import { contactLanguage } from "./contact-language";
import { OUT_OF, refuseGo } from "./go-refusals";
import { verifyDeclarationSignature } from "./signature";
import { transferLimits } from "./limits";
import { transferStorage } from "./storage";

/**
 * Closing a declaration when its GO file arrives (issue 15, seed 000 §3–4, SPEC §6).
 *
 * Exactly once: the declaration's row is inserted first with the database's unique index on
 * (sender, application, date, sequence, environment); only the process whose insert succeeds goes on,
 * so a GO received twice, or by two sandbox processes, is answered once. The answer is written to the
 * OUT folder matching the IN folder of the GO, then the row gets its verdict with the journal event in
 * one transaction, and the declaration's files leave IN for the archive.
 */

/** After this long without an answer, a « processing » declaration is taken over by its next GO. */
const STALE_MINUTES = 5;

/** Missing parts named one by one in an answer; the others are counted in one `parts.missing-more`. */
const MAX_NAMED_MISSING_PARTS = 10;

export type GoOutcome = { state: "accepted" | "refused"; answerFile: string; reasons: DeclarationReason[] } | { state: "duplicate" };

async function permittedApplications(accountId: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .select({ code: permissions.applicationCode })
    .from(accountPermissions)
    .innerJoin(permissions, eq(permissions.id, accountPermissions.permissionId))
    .where(and(eq(accountPermissions.accountId, accountId), eq(permissions.kind, "batch")));
  return new Set(rows.map((r) => r.code).filter((c): c is string => c !== null));
}

async function applicationExists(code: string): Promise<boolean> {
  const [row] = await (await getDb())
    .select({ id: permissions.id })
    .from(permissions)
    .where(and(eq(permissions.applicationCode, code), eq(permissions.kind, "batch"), eq(permissions.active, true)))
    .limit(1);
  return Boolean(row);
}

async function registeredCertificate(accountId: string) {
  const [row] = await (await getDb())
    .select({ content: certificates.content, notBefore: certificates.notBefore, notAfter: certificates.notAfter })
    .from(certificates)
    .where(eq(certificates.accountId, accountId))
    .orderBy(desc(certificates.uploadedAt))
    .limit(1);
  return row ?? null;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every problem of the declaration, in the order a sender would fix them (empty: accepted). */
async function check(account: TransferAccount, folder: InFolder, key: DeclarationKey, goName: string, files: ReceivedFile[]): Promise<{ reasons: DeclarationReason[]; archive: string[] }> {
  const reasons: DeclarationReason[] = [];
  const archive = [goName];
  if (key.sender !== account.senderNumber) reasons.push({ code: "name.sender-mismatch", params: { found: key.sender, expected: account.senderNumber } });
  const expected = ENVIRONMENT_FOLDERS[key.environment].in;
  if (expected !== folder) reasons.push({ code: "name.wrong-folder", params: { environment: key.environment, folder, expected } });
  if (!(await applicationExists(key.application))) reasons.push({ code: "name.application-unknown", params: { application: key.application } });
  else if (!(await permittedApplications(account.accountId)).has(key.application)) {
    reasons.push({ code: "name.application-not-permitted", params: { application: key.application } });
  }

  const storage = transferStorage();
  const { maxFileBytes } = transferLimits();
  const present = new Set((await storage.list(account.senderId, folder)).map((f) => f.name));
  // Parts are matched by their numbers, as the parser reads them: `FI.….02.01` is part 1 of the GO
  // `….02`. A file spelled canonically wins over a zero-padded twin, which is then left alone.
  const stem = declarationStem(key);
  const slot = (kind: "FI" | "FS", part: number) => `${kind}.${part}`;
  const partNames = new Map<string, string>();
  const ofThisDeclaration = [...present]
    .map((name) => ({ name, part: parseBatchFileName(name) }))
    .filter((f): f is { name: string; part: Extract<BatchFileName, { kind: "FI" | "FS" }> } => (f.part?.kind === "FI" || f.part?.kind === "FS") && declarationStem(f.part) === stem)
    .sort((a, b) => Number(b.name === partFileName(b.part.kind, key, b.part.part)) - Number(a.name === partFileName(a.part.kind, key, a.part.part)));
  // Parts of this declaration that the GO does not account for: another count of parts in their
  // name, or a part number above the count. Each is named, and they leave IN with the declaration.
  let strayFi = false;
  for (const { name, part } of ofThisDeclaration) {
    if (part.parts === key.parts && part.part <= key.parts) {
      if (!partNames.has(slot(part.kind, part.part))) partNames.set(slot(part.kind, part.part), name);
      continue;
    }
    archive.push(name);
    if (part.kind !== "FI") continue;
    strayFi = true;
    if (part.parts !== key.parts) reasons.push({ code: "parts.count-mismatch", params: { declared: key.parts, found: part.parts, file: name } });
    else reasons.push({ code: "part.above-count", params: { file: name, parts: key.parts } });
  }
  if (!strayFi && !Array.from({ length: key.parts }, (_, i) => partNames.has(slot("FI", i + 1))).some(Boolean)) {
    reasons.push({ code: "go.without-fi", params: { file: goName } });
    return { reasons, archive };
  }
  const certificate = key.environment === "R" ? await registeredCertificate(account.accountId) : null;
  let missing = 0;
  for (let part = 1; part <= key.parts; part++) {
    const fiName = partNames.get(slot("FI", part)) ?? partFileName("FI", key, part);
    const fsName = partNames.get(slot("FS", part)) ?? partFileName("FS", key, part);
    if (!present.has(fiName)) {
      // A GO may announce up to 9999 parts: name the first few, count the others (bounded answer and row).
      if (++missing <= MAX_NAMED_MISSING_PARTS) reasons.push({ code: "part.missing", params: { file: fiName } });
      continue;
    }
    archive.push(fiName);
    if (present.has(fsName)) archive.push(fsName);
    const fi = await storage.readAll(account.senderId, folder, fiName, maxFileBytes);
    if (!fi) {
      reasons.push({ code: "part.too-large", params: { file: fiName } });
      continue;
    }
    files.push({ name: fiName, size: fi.length, sha256: sha256(fi) });
    // Test environments (T, S) need no signature (seed 000 §3.1); a production part needs its FS.
    if (key.environment !== "R") continue;
    if (!present.has(fsName)) {
      reasons.push({ code: "fs.missing", params: { file: fsName } });
      continue;
    }
    const fs = await storage.readAll(account.senderId, folder, fsName, maxFileBytes);
    const verdict = fs ? await verifyDeclarationSignature(fs, fi, certificate) : ({ ok: false, code: "fs.unreadable" } as const);
    if (!verdict.ok) reasons.push({ code: verdict.code, params: { file: fsName } });
    else if (fs) files.push({ name: fsName, size: fs.length, sha256: sha256(fs) });
  }
  if (missing > MAX_NAMED_MISSING_PARTS) reasons.push({ code: "parts.missing-more", params: { count: missing - MAX_NAMED_MISSING_PARTS, parts: key.parts } });
  return { reasons, archive };
}

/**
 * Processes the GO file `goName` that has just been completed in `folder` by `account`.
 * Files not closed by a GO are never touched. Safe to call twice for the same GO.
 */
export async function closeDeclaration(account: TransferAccount, folder: SenderFolder, go: Extract<BatchFileName, { kind: "GO" }>, goName: string, ip: string): Promise<GoOutcome> {
  if (!isInFolder(folder)) return { state: "duplicate" };
  const db = await getDb();
  const key: DeclarationKey = go;
  const [inserted] = await db
    .insert(transferDeclarations)
    .values({
      senderId: account.senderId,
      accountId: account.accountId,
      channel: account.channel,
      application: key.application,
      declarationDate: key.date,
      sequence: key.sequence,
      environment: key.environment,
      parts: key.parts,
    })
    .onConflictDoNothing()
    .returning({ id: transferDeclarations.id });
  // A declaration left « processing » by a process that died before answering is taken over when its GO
  // comes again (atomically: one process wins the update), so no declaration stays unanswered.
  const [reclaimed] = inserted
    ? [inserted]
    : await db
        .update(transferDeclarations)
        .set({ receivedAt: sql`now()`, accountId: account.accountId, channel: account.channel })
        .where(
          and(
            sameDeclaration(account.senderId, key),
            eq(transferDeclarations.state, "processing"),
            lt(transferDeclarations.receivedAt, sql`now() - make_interval(mins => ${STALE_MINUTES})`),
          ),
        )
        .returning({ id: transferDeclarations.id });
  const storage = transferStorage();
  if (!reclaimed) return alreadyClosed(account, folder, key, goName, ip);
  // The GO leaves IN before the verdict is stored: a GO still in IN beside an answered declaration
  // is therefore a new upload (a re-send), never this one seen late by another process.
  await storage.archive(account.senderId, folder, goName, reclaimed.id);

  const files: ReceivedFile[] = [];
  const { reasons, archive } = await check(account, folder, key, goName, files);
  const now = new Date();
  const answer = reasons.length === 0 ? acknowledgement(key, files, now) : refusal(key, reasons, await contactLanguage(account.senderId), now);
  const state = reasons.length === 0 ? "accepted" : "refused";
  const outFolder = OUT_OF[folder];
  await storage.put(account.senderId, outFolder, answer.name, answer.bytes);
  await db.transaction(async (tx) => {
    await tx
      .update(transferDeclarations)
      // Stored with its folder: a T file put in IN is answered in OUT, not in the environment's OUTTEST.
      .set({ state, reasons, answerFile: `${outFolder}/${answer.name}`, answeredAt: now })
      .where(eq(transferDeclarations.id, reclaimed.id));
    await recordEvent(tx, {
      actorLabel: account.username,
      senderId: account.senderId,
      enterpriseId: account.enterpriseId,
      qualityId: account.qualityId,
      action: state === "accepted" ? "transfer.declaration-accepted" : "transfer.declaration-refused",
      targetType: "declaration",
      targetId: declarationStem(key),
      summary: { channel: account.channel, folder, answer: answer.name, reasons: reasons.map((r) => r.code) },
      ip,
    });
  });
  for (const name of archive) if (name !== goName) await storage.archive(account.senderId, folder, name, reclaimed.id);
  return { state, answerFile: answer.name, reasons };
}

/** The row of one declaration: sender, application, date, sequence and environment (seed 000 §3). */
function sameDeclaration(senderId: string, key: DeclarationKey) {
  return and(
    eq(transferDeclarations.senderId, senderId),
    eq(transferDeclarations.application, key.application),
    eq(transferDeclarations.declarationDate, key.date),
    eq(transferDeclarations.sequence, key.sequence),
    eq(transferDeclarations.environment, key.environment),
  );
}

/**
 * The declaration's row exists and could not be taken: either it is being answered (by this upload,
 * seen by a second process or a second call) — answered once, the extra GO is only journaled — or it
 * was answered before and this GO, still in IN, re-sends it: refused as « already processed » with
 * its own answer, so the sender is never left without one.
 */
async function alreadyClosed(account: TransferAccount, folder: InFolder, key: DeclarationKey, goName: string, ip: string): Promise<GoOutcome> {
  const db = await getDb();
  const [row] = await db
    .select({ state: transferDeclarations.state, answerFile: transferDeclarations.answerFile })
    .from(transferDeclarations)
    .where(sameDeclaration(account.senderId, key))
    .limit(1);
  if (row && row.state !== "processing" && (await transferStorage().stat(account.senderId, folder, goName))) {
    const stem = declarationStem(key);
    const answer = (row.answerFile ?? "").slice((row.answerFile ?? "").lastIndexOf("/") + 1);
    const refused = await refuseGo(account, folder, goName, "already-answered", [{ code: "declaration.already-answered", params: { stem, answer, file: goName } }], ip);
    if (refused.state === "refused") return refused;
  }
  await recordEvent(db, { actorLabel: account.username, senderId: account.senderId, enterpriseId: account.enterpriseId, qualityId: account.qualityId, action: "transfer.go-duplicate", targetType: "declaration", targetId: declarationStem(key), summary: { channel: account.channel, folder }, ip });
  // The extra copy of a GO being answered leaves IN (the declaration's own GO is already archived).
  await transferStorage().remove(account.senderId, folder, goName);
  return { state: "duplicate" };
}
