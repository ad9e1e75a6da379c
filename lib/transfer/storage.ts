import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, open, readdir, rename, rm, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { dataDir } from "@/lib/db/client";
import { SENDER_FOLDERS, type SenderFolder } from "@/lib/rules/batch-names";
import { validFileName } from "./paths";

/** A complete file in one of a sender's folders. */
export interface FileEntry {
  name: string;
  /** Bytes. */
  size: number;
  modifiedAt: Date;
}

/** An upload in progress: invisible until `commit()` puts it under its final name in one step. */
export interface PendingUpload {
  /** Writes at a byte offset (SFTP writes may arrive out of order). */
  write(offset: number, data: Uint8Array): Promise<void>;
  /** Bytes written so far (the highest offset reached). */
  readonly size: number;
  /** Atomically replaces (or creates) the final file with what was written. */
  commit(): Promise<FileEntry>;
  /** Discards what was written; the final name keeps its previous content, if any. */
  abort(): Promise<void>;
}

export interface ReadHandle {
  /** Up to `length` bytes at `offset`; an empty buffer at the end of the file. */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Where the senders' files live (issue 15). The servers and the declaration processing use only this
 * interface, so an S3-compatible object store can replace the data folder when several sandbox
 * instances serve one database (an object PUT is atomic like `commit()`). Names are checked with
 * `validFileName` by every implementation: no path can leave the sender's folder.
 */
export interface TransferStorage {
  list(senderId: string, folder: SenderFolder): Promise<FileEntry[]>;
  stat(senderId: string, folder: SenderFolder, name: string): Promise<FileEntry | null>;
  openRead(senderId: string, folder: SenderFolder, name: string): Promise<ReadHandle | null>;
  readStream(senderId: string, folder: SenderFolder, name: string, start?: number): Promise<Readable | null>;
  /** The whole file, or null when missing or larger than `maxBytes`. */
  readAll(senderId: string, folder: SenderFolder, name: string, maxBytes: number): Promise<Buffer | null>;
  /** Starts an upload; `resume` starts from the current content of the final file (append/restart). */
  beginUpload(senderId: string, folder: SenderFolder, name: string, options?: { resume?: boolean }): Promise<PendingUpload>;
  /** Writes a whole file atomically (answers in OUT). */
  put(senderId: string, folder: SenderFolder, name: string, bytes: Uint8Array): Promise<void>;
  remove(senderId: string, folder: SenderFolder, name: string): Promise<boolean>;
  /** Renames within one folder, replacing `to` (SFTP clients rename `x.filepart` to `x`). */
  rename(senderId: string, folder: SenderFolder, from: string, to: string): Promise<boolean>;
  /**
   * Moves a processed file out of the sender's view, kept under the declaration's id. Atomic: when
   * two processes archive the same file, exactly one gets true (the GO is claimed this way).
   */
  archive(senderId: string, folder: SenderFolder, name: string, declarationId: string): Promise<boolean>;
  /**
   * Bytes the sender's complete files take, each counted at the larger of its length and the space
   * it really occupies: a sparse file pays for its holes, and many tiny files pay for their blocks.
   */
  usage(senderId: string): Promise<number>;
  /** The senders that have a folder in this storage (for the expiry of stale IN files). */
  senders(): Promise<string[]>;
}

function assertName(name: string): void {
  if (!validFileName(name)) throw new Error("invalid file name");
}

function assertId(id: string): void {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("invalid id");
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** The default storage: plain files under `<data folder>/transfer` (or CHAMAN_TRANSFER_DIR). */
export class FolderStorage implements TransferStorage {
  constructor(private readonly root: string) {}

  private folderPath(senderId: string, folder: SenderFolder): string {
    assertId(senderId);
    if (!(SENDER_FOLDERS as readonly string[]).includes(folder)) throw new Error("invalid folder");
    return path.join(this.root, "senders", senderId, folder);
  }

  private filePath(senderId: string, folder: SenderFolder, name: string): string {
    assertName(name);
    return path.join(this.folderPath(senderId, folder), name);
  }

  private async tempPath(): Promise<string> {
    const dir = path.join(this.root, ".uploads");
    await mkdir(dir, { recursive: true });
    return path.join(dir, randomUUID());
  }

  async list(senderId: string, folder: SenderFolder): Promise<FileEntry[]> {
    const dir = this.folderPath(senderId, folder);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
    const entries = await Promise.all(names.filter(validFileName).map((name) => this.stat(senderId, folder, name)));
    return entries.filter((e): e is FileEntry => e !== null).sort((a, b) => a.name.localeCompare(b.name));
  }

  async stat(senderId: string, folder: SenderFolder, name: string): Promise<FileEntry | null> {
    try {
      const s = await stat(this.filePath(senderId, folder, name));
      return s.isFile() ? { name, size: s.size, modifiedAt: s.mtime } : null;
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async openRead(senderId: string, folder: SenderFolder, name: string): Promise<ReadHandle | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.filePath(senderId, folder, name), "r");
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
    return {
      async read(offset, length) {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  }

  async readStream(senderId: string, folder: SenderFolder, name: string, start = 0): Promise<Readable | null> {
    const file = this.filePath(senderId, folder, name);
    if (!(await this.stat(senderId, folder, name))) return null;
    return createReadStream(file, { start });
  }

  async readAll(senderId: string, folder: SenderFolder, name: string, maxBytes: number): Promise<Buffer | null> {
    const entry = await this.stat(senderId, folder, name);
    if (!entry || entry.size > maxBytes) return null;
    const handle = await this.openRead(senderId, folder, name);
    if (!handle) return null;
    try {
      return await handle.read(0, entry.size);
    } finally {
      await handle.close();
    }
  }

  async beginUpload(senderId: string, folder: SenderFolder, name: string, options: { resume?: boolean } = {}): Promise<PendingUpload> {
    const target = this.filePath(senderId, folder, name);
    const temp = await this.tempPath();
    let size = 0;
    if (options.resume) {
      try {
        await copyFile(target, temp);
        size = (await stat(temp)).size;
      } catch (error) {
        if (!missing(error)) throw error;
      }
    }
    const handle = await open(temp, size > 0 ? "r+" : "w");
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      get size() {
        return size;
      },
      async write(offset, data) {
        if (closed) throw new Error("upload closed");
        await handle.write(data, 0, data.length, offset);
        size = Math.max(size, offset + data.length);
      },
      async commit() {
        // The data reaches the disk before the name does: a crash leaves the old file or the new one.
        await handle.sync();
        await close();
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temp, target);
        const s = await stat(target);
        return { name, size: s.size, modifiedAt: s.mtime };
      },
      async abort() {
        await close();
        await rm(temp, { force: true });
      },
    };
  }

  async put(senderId: string, folder: SenderFolder, name: string, bytes: Uint8Array): Promise<void> {
    const target = this.filePath(senderId, folder, name);
    const temp = await this.tempPath();
    await writeFile(temp, bytes, { flush: true });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  }

  async remove(senderId: string, folder: SenderFolder, name: string): Promise<boolean> {
    try {
      // unlink(2): of two processes removing the same file, exactly one succeeds.
      await unlink(this.filePath(senderId, folder, name));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  async rename(senderId: string, folder: SenderFolder, from: string, to: string): Promise<boolean> {
    try {
      await rename(this.filePath(senderId, folder, from), this.filePath(senderId, folder, to));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  async archive(senderId: string, folder: SenderFolder, name: string, declarationId: string): Promise<boolean> {
    assertId(declarationId);
    const dir = path.join(this.root, "archive", senderId, declarationId);
    await mkdir(dir, { recursive: true });
    try {
      // rename(2) is atomic: of two processes moving the same file, one fails with ENOENT.
      await rename(this.filePath(senderId, folder, name), path.join(dir, name));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  async usage(senderId: string): Promise<number> {
    let total = 0;
    for (const folder of SENDER_FOLDERS) {
      for (const entry of await this.list(senderId, folder)) {
        const s = await stat(this.filePath(senderId, folder, entry.name)).catch(() => null);
        // st_blocks counts 512-byte units whatever the file system's block size (POSIX).
        total += Math.max(entry.size, (s?.blocks ?? 0) * 512);
      }
    }
    return total;
  }

  async senders(): Promise<string[]> {
    try {
      return (await readdir(path.join(this.root, "senders"))).filter((name) => /^[0-9a-f-]{36}$/.test(name));
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
  }
}

let defaultStorage: TransferStorage | undefined;

/** The storage of this process: the data folder unless a test or deployment sets another. */
export function transferStorage(): TransferStorage {
  defaultStorage ??= new FolderStorage(path.resolve(/*turbopackIgnore: true*/ process.env.CHAMAN_TRANSFER_DIR ?? path.join(dataDir(), "transfer")));
  return defaultStorage;
}

export function setTransferStorage(storage: TransferStorage): void {
  defaultStorage = storage;
}
