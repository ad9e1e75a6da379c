import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { transferDeclarations, transferGoRefusals, type DeclarationReason } from "@/lib/db/schema";
import { declarationStem, ENVIRONMENT_FOLDERS, environmentOfFolder, IN_FOLDERS, isInFolder, OUT_FOLDERS, type Environment, type InFolder, type OutFolder } from "@/lib/rules/batch-names";
import { waitingHint, type WaitingHint } from "@/lib/rules/waiting-files";
import { transferStorage, type FileEntry } from "./storage";

export interface DeclarationView {
  id: string;
  stem: string;
  channel: "FTP" | "SFTP";
  /**
   * The environment of the IN folder the sender put the GO in, where its answer is: a declaration
   * whose name says another environment (refused for the mismatch) is listed there, like a refused GO.
   * Only while a declaration is « processing » (no answer yet) is it the environment of its name.
   */
  environment: Environment;
  /** Null for a refused GO that closed no declaration (its name was malformed, or it re-sent one). */
  parts: number | null;
  state: "processing" | "accepted" | "refused";
  reasons: DeclarationReason[];
  /** `<OUT folder>/<file>` where the answer was actually written (the GO's folder decides, not the name). */
  answerPath: string | null;
  receivedAt: Date;
}

const answerName = (stored: string) => stored.slice(stored.lastIndexOf("/") + 1);

/** The stored answer as `<folder>/<file>`; rows from before the folder was stored fall back to the environment's OUT. */
function answerPathOf(stored: string, environment: Environment): string {
  return stored.includes("/") ? stored : `${ENVIRONMENT_FOLDERS[environment].out}/${stored}`;
}

/** The environment of an OUT folder (OUT → R, OUTTEST → T, OUTTEST-S → S); null for anything else. */
function environmentOfOutFolder(folder: string): Environment | null {
  const found = (Object.keys(ENVIRONMENT_FOLDERS) as Environment[]).find((environment) => ENVIRONMENT_FOLDERS[environment].out === folder);
  return found ?? null;
}

/**
 * The sender's latest declarations and refused GO files (at most `limit`, newest first), for the
 * « Transferts » page. Both are shown under the environment of the folder the GO was put in (the
 * answer's OUT folder tells it for declarations); a refused GO is named by the GO file as received.
 */
export async function listDeclarations(q: Queryable, senderId: string, limit = 200): Promise<DeclarationView[]> {
  const rows = await q
    .select({
      id: transferDeclarations.id,
      application: transferDeclarations.application,
      declarationDate: transferDeclarations.declarationDate,
      sequence: transferDeclarations.sequence,
      environment: transferDeclarations.environment,
      parts: transferDeclarations.parts,
      channel: transferDeclarations.channel,
      state: transferDeclarations.state,
      reasons: transferDeclarations.reasons,
      answerFile: transferDeclarations.answerFile,
      receivedAt: transferDeclarations.receivedAt,
    })
    .from(transferDeclarations)
    .where(eq(transferDeclarations.senderId, senderId))
    .orderBy(desc(transferDeclarations.receivedAt))
    .limit(limit);
  const refusedGos = await q
    .select()
    .from(transferGoRefusals)
    .where(eq(transferGoRefusals.senderId, senderId))
    .orderBy(desc(transferGoRefusals.receivedAt))
    .limit(limit);
  const refusals: DeclarationView[] = refusedGos.map((r) => ({
    id: r.id,
    stem: r.goFile,
    channel: r.channel,
    environment: isInFolder(r.folder) ? environmentOfFolder(r.folder) : "R",
    parts: null,
    state: "refused",
    reasons: r.reasons,
    answerPath: r.answerFile,
    receivedAt: r.receivedAt,
  }));
  const declarations: DeclarationView[] = rows.map((r) => ({
    id: r.id,
    // The sender number of the name is kept in the answer's name; the stem shows what was sent.
    stem: r.answerFile ? answerName(r.answerFile).replace(/^(ACRF|NOTIF)\./, "") : declarationStem({ application: r.application, sender: "…", date: r.declarationDate, sequence: r.sequence, environment: r.environment }),
    channel: r.channel,
    environment: (r.answerFile?.includes("/") && environmentOfOutFolder(r.answerFile.slice(0, r.answerFile.indexOf("/")))) || r.environment,
    parts: r.parts,
    state: r.state,
    reasons: r.reasons,
    answerPath: r.answerFile ? answerPathOf(r.answerFile, r.environment) : null,
    receivedAt: r.receivedAt,
  }));
  return [...declarations, ...refusals].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime()).slice(0, limit);
}

/** The files waiting in the sender's OUT folders. */
export async function listOutFiles(senderId: string): Promise<Record<OutFolder, FileEntry[]>> {
  const storage = transferStorage();
  const entries = await Promise.all(OUT_FOLDERS.map(async (folder) => [folder, await storage.list(senderId, folder)] as const));
  return Object.fromEntries(entries) as Record<OutFolder, FileEntry[]>;
}

/** A file in an IN folder that no GO has closed yet; `hint` says why it may never be (null: waits for its GO). */
export interface WaitingFile extends FileEntry {
  hint: WaitingHint | null;
}

/**
 * The files waiting in the sender's IN folders (through the storage interface, so an object store
 * works too), oldest first, each with its hint (lib/rules/waiting-files.ts). `modifiedAt` is when the
 * upload finished (the storage's time of the file).
 */
export async function listWaitingFiles(senderId: string): Promise<Record<InFolder, WaitingFile[]>> {
  const storage = transferStorage();
  const entries = await Promise.all(
    IN_FOLDERS.map(async (folder) => {
      const files = (await storage.list(senderId, folder)).sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime());
      return [folder, files.map((f) => ({ ...f, hint: waitingHint(f.name, folder) }))] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<InFolder, WaitingFile[]>;
}
