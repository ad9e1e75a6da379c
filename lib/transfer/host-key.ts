import "server-only";
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ssh2 from "ssh2";
import sshpk from "sshpk";

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

/**
 * A new Ed25519 private key in OpenSSH format. Made by Node's crypto and written by sshpk: ssh2's own
 * generateKeyPairSync("ed25519") drops a leading zero byte of the public key about once in 250 keys,
 * and the file it writes then fails to parse ("Malformed OpenSSH private key") at every later start.
 */
function newEd25519PrivateKey(): string {
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return sshpk.parsePrivateKey(pem, "pkcs8").toString("openssh");
}

export async function loadOrCreateHostKey(file: string): Promise<HostKey> {
  try {
    return describe(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}`;
  await writeFile(temp, newEd25519PrivateKey(), { mode: 0o600 });
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
