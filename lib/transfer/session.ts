import "server-only";
import type { AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { isInFolder, isOutFolder, looksLikeGoName, parseBatchFileName, SENDER_FOLDERS, type SenderFolder } from "@/lib/rules/batch-names";
import { accountStatus, type TransferAccount } from "./auth";
import { closeDeclaration } from "./declarations";
import { refuseMalformedGo } from "./go-refusals";
import { transferLimits } from "./limits";
import { UploadQuota } from "./upload-quota";
import { resolveClientPath, type ResolvedPath } from "./paths";
import { transferStorage, type FileEntry, type PendingUpload, type ReadHandle } from "./storage";

/**
 * One logged-in SFTP or FTP session (issue 15): the rules both protocol adapters share.
 * The sender sees its six folders only; uploads go into IN folders only, downloads and deletions
 * happen in OUT folders only; sizes and the sender's quota are checked on every write so a refused
 * upload never leaves a file behind; a file counts (journal, GO processing) only once it is complete
 * under its final name. Every operation first checks that the account still has the same credential.
 */

export type TransferErrorCode = "not-found" | "permission-denied" | "invalid-path" | "too-large" | "quota" | "account-gone" | "account-deleted";

export class TransferError extends Error {
  constructor(readonly code: TransferErrorCode) {
    super(code);
  }
}

export interface Listing {
  name: string;
  directory: boolean;
  size: number;
  modifiedAt: Date;
}

/** WinSCP uploads to `<name>.filepart` and renames; an interrupted one is kept so it can resume. */
export const PARTIAL_SUFFIX = ".filepart";

export interface SessionUpload {
  write(offset: number, data: Uint8Array): Promise<void>;
  readonly size: number;
  /** The upload is complete: it replaces the final file, then counts (journal, GO). */
  finish(): Promise<void>;
  /** The client went away or failed: nothing is kept (except a `.filepart`, for resuming). */
  abandon(): Promise<void>;
}

export class TransferSession {
  cwd = "/";
  private readonly startedAt = new Date();

  constructor(
    readonly account: TransferAccount,
    readonly ip: string,
  ) {}

  private async ensureValid(): Promise<void> {
    const status = await accountStatus(this.account);
    if (status === "deleted") throw new TransferError("account-deleted");
    if (status === "changed") throw new TransferError("account-gone");
  }

  resolve(input: string): ResolvedPath {
    return resolveClientPath(this.cwd, input || ".");
  }

  private file(input: string): { folder: SenderFolder; name: string } {
    const resolved = this.resolve(input);
    if (resolved.kind === "invalid") throw new TransferError("invalid-path");
    if (resolved.kind !== "file") throw new TransferError("permission-denied");
    return resolved;
  }

  /** Changes the current directory (FTP CWD); returns the new path. */
  async changeDirectory(input: string): Promise<string> {
    const resolved = this.resolve(input);
    if (resolved.kind !== "root" && resolved.kind !== "folder") throw new TransferError("not-found");
    this.cwd = resolved.path;
    return this.cwd;
  }

  async stat(input: string): Promise<Listing> {
    await this.ensureValid();
    const resolved = this.resolve(input);
    if (resolved.kind === "invalid") throw new TransferError("not-found");
    if (resolved.kind === "root") return { name: "/", directory: true, size: 0, modifiedAt: this.startedAt };
    if (resolved.kind === "folder") return { name: resolved.folder, directory: true, size: 0, modifiedAt: this.startedAt };
    const entry = await transferStorage().stat(this.account.senderId, resolved.folder, resolved.name);
    if (!entry) throw new TransferError("not-found");
    return { ...entry, directory: false };
  }

  async list(input: string): Promise<Listing[]> {
    await this.ensureValid();
    const resolved = this.resolve(input);
    if (resolved.kind === "root") return SENDER_FOLDERS.map((name) => ({ name, directory: true, size: 0, modifiedAt: this.startedAt }));
    if (resolved.kind !== "folder") throw new TransferError("not-found");
    const entries = await transferStorage().list(this.account.senderId, resolved.folder);
    return entries.map((e: FileEntry) => ({ ...e, directory: false }));
  }

  /** Opens an answer for download: OUT folders only. */
  async openRead(input: string): Promise<ReadHandle> {
    await this.ensureValid();
    const { folder, name } = this.file(input);
    if (!isOutFolder(folder)) throw new TransferError("permission-denied");
    const handle = await transferStorage().openRead(this.account.senderId, folder, name);
    if (!handle) throw new TransferError("not-found");
    return handle;
  }

  async readStream(input: string, start = 0) {
    await this.ensureValid();
    const { folder, name } = this.file(input);
    if (!isOutFolder(folder)) throw new TransferError("permission-denied");
    const stream = await transferStorage().readStream(this.account.senderId, folder, name, start);
    if (!stream) throw new TransferError("not-found");
    return stream;
  }

  /**
   * Deletes a fetched answer in an OUT folder, or one of the sender's own files still waiting in an IN
   * folder. A file closed by a GO has already left IN for the archive, so what is deletable in IN is
   * exactly what no GO has closed: without this, stray or half-sent files would fill the quota for good.
   */
  async remove(input: string): Promise<void> {
    await this.ensureValid();
    const { folder, name } = this.file(input);
    if (!(await transferStorage().remove(this.account.senderId, folder, name))) throw new TransferError("not-found");
    await this.journal("transfer.delete", { folder, file: name });
  }

  /**
   * Starts an upload into an IN folder. `resume` keeps the current content of the file (SFTP open
   * without truncation, FTP REST/APPE) so the client continues where it stopped.
   */
  async beginUpload(input: string, options: { resume?: boolean } = {}): Promise<SessionUpload> {
    await this.ensureValid();
    const { folder, name } = this.file(input);
    if (!isInFolder(folder)) throw new TransferError("permission-denied");
    const { maxFileBytes, quotaBytes } = transferLimits();
    const storage = transferStorage();
    const db = await getDb();
    const senderId = this.account.senderId;
    const pending: PendingUpload = await storage.beginUpload(senderId, folder, name, options);
    const quota = new UploadQuota(db, senderId, quotaBytes, async () => {
      // The replaced file's bytes are freed by the upload that replaces it (a resumed upload holds them).
      const replaced = (await storage.stat(senderId, folder, name))?.size ?? 0;
      return (await storage.usage(senderId)) - replaced;
    });
    let done = false;
    let refusal: TransferError | undefined;
    // `done` is set before anything is awaited, so a write waiting for the quota cannot write after it.
    const release = async () => {
      done = true;
      await quota.release();
    };
    const completed = (entry: FileEntry) => this.completed(folder, entry.name, entry.size);
    const ensureValid = () => this.ensureValid();
    return {
      get size() {
        return pending.size;
      },
      async write(offset, data) {
        // Writes pipelined behind a refused one get the same refusal, not a confusing « Failure ».
        if (refusal) throw refusal;
        if (done) throw new TransferError("permission-denied");
        const end = offset + data.length;
        // `size` is the highest offset written: a sparse upload pays for its holes, so no write can
        // cheat the quota.
        const size = Math.max(end, pending.size);
        const refused = end > maxFileBytes ? "too-large" : (await quota.hold(size)) ? null : "quota";
        // While the quota was asked, the upload may have been refused, finished or abandoned.
        if (refusal) throw refusal;
        if (done) throw new TransferError("permission-denied");
        if (refused) {
          refusal = new TransferError(refused);
          done = true;
          await pending.abort();
          await release();
          throw refusal;
        }
        try {
          await pending.write(offset, data);
        } catch (error) {
          throw refusal ?? error;
        }
      },
      async finish() {
        if (refusal) throw refusal;
        if (done) return;
        done = true;
        try {
          await ensureValid();
        } catch (error) {
          await pending.abort();
          await release();
          throw error;
        }
        // Committed first, released after: the bytes are counted twice for a moment, never zero times.
        const entry = await pending.commit();
        await release();
        await completed(entry);
      },
      async abandon() {
        if (done) return;
        done = true;
        if (name.endsWith(PARTIAL_SUFFIX) && pending.size > 0) await pending.commit();
        else await pending.abort();
        await release();
      },
    };
  }

  /** Renames within one IN folder (`x.filepart` → `x`); the new name then counts as a completed upload. */
  async rename(fromInput: string, toInput: string): Promise<void> {
    await this.ensureValid();
    const from = this.file(fromInput);
    const to = this.file(toInput);
    if (from.folder !== to.folder || !isInFolder(from.folder)) throw new TransferError("permission-denied");
    const storage = transferStorage();
    if (!(await storage.rename(this.account.senderId, from.folder, from.name, to.name))) throw new TransferError("not-found");
    const entry = await storage.stat(this.account.senderId, to.folder, to.name);
    await this.completed(to.folder, to.name, entry?.size ?? 0);
  }

  /** SETSTAT, chmod, utimes: accepted on the sender's files and folders and ignored (clients send them after uploads). */
  async setAttributes(input: string): Promise<void> {
    await this.stat(input);
  }

  private async completed(folder: SenderFolder, name: string, size: number): Promise<void> {
    if (name.endsWith(PARTIAL_SUFFIX)) return;
    await this.journal("transfer.upload", { folder, file: name, size });
    const parsed = parseBatchFileName(name);
    const malformedGo = parsed === null && looksLikeGoName(name);
    if (parsed?.kind !== "GO" && !malformedGo) return;
    try {
      if (parsed?.kind === "GO") await closeDeclaration(this.account, folder, parsed, name, this.ip);
      // A GO whose name is wrong still closes something in the sender's mind: it gets an answer.
      else if (isInFolder(folder)) await refuseMalformedGo(this.account, folder, name, this.ip);
    } catch (error) {
      // The upload itself is complete and kept; the declaration stays "processing" for a later retry.
      console.error("[transfer] processing of %s failed for sender %s", name, this.account.senderNumber, error);
    }
  }

  private async journal(action: AuditAction, summary: Record<string, unknown>): Promise<void> {
    await recordEvent(await getDb(), {
      actorLabel: this.account.username,
      senderId: this.account.senderId,
      enterpriseId: this.account.enterpriseId,
      qualityId: this.account.qualityId,
      action,
      targetType: "file",
      targetId: typeof summary.file === "string" ? summary.file : undefined,
      summary: { channel: this.account.channel, ...summary },
      ip: this.ip,
    });
  }
}
