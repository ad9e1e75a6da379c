import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ssh2 from "ssh2";

/**
 * The SFTP server's host key (seed 001 §1, §4.1: senders accept it on first connection, so it must
 * never change): an Ed25519 key made on first start and kept in the data folder. Two processes
 * starting together agree on one key (the file is published with link(), which fails if it exists).
 */
export interface HostKey {
  privateKey: string;
  /** `SHA256:…` as OpenSSH prints it (base64 of the SHA-256 of the key's wire form, no padding). */
  fingerprint: string;
  /** `ssh-ed25519 AAAA…` (for known_hosts). */
  publicKey: string;
}

function describe(privateKey: string): HostKey {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  const blob = parsed.getPublicSSH();
  const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  return { privateKey, fingerprint, publicKey: `${parsed.type} ${blob.toString("base64")}` };
}

export async function loadOrCreateHostKey(file: string): Promise<HostKey> {
  try {
    return describe(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}`;
  await writeFile(temp, ssh2.utils.generateKeyPairSync("ed25519").private, { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return describe(await readFile(file, "utf8"));
}

/** The fingerprint only, or null when the key has not been made yet (the account page shows it). */
export async function hostKeyFingerprint(file: string): Promise<string | null> {
  try {
    return describe(await readFile(file, "utf8")).fingerprint;
  } catch {
    return null;
  }
}
