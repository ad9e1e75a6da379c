// Test helper: signature files made with Debian's `openssl smime -sign`, exactly as seed 000 §3.1
// steps 7–10 tell senders (the FS tests and the end-to-end protocol tests use it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type FsStyle = "seed" | "with-headers" | "binary" | "blank-lines" | "nodetach";

/**
 * Signs `fi` with the certificate and key; `seed` removes the first and last lines as step 10 says.
 * @returns the FS file's bytes
 */
export function opensslSign(fi: Uint8Array, certPem: string, keyPem: string, style: FsStyle = "seed"): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-fs-"));
  try {
    writeFileSync(path.join(dir, "fi"), fi);
    writeFileSync(path.join(dir, "cert.pem"), certPem);
    writeFileSync(path.join(dir, "key.pem"), keyPem);
    const args = ["smime", "-sign", "-in", "fi", "-signer", "cert.pem", "-inkey", "key.pem", "-outform", "PEM", "-out", "fs"];
    if (style === "binary") args.push("-binary");
    if (style === "nodetach") args.push("-nodetach");
    execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    const pem = readFileSync(path.join(dir, "fs"), "latin1");
    if (style === "with-headers" || style === "binary" || style === "nodetach") return new Uint8Array(Buffer.from(pem, "latin1"));
    const lines = pem.split("\n").filter((line) => line !== "");
    const body = lines.slice(1, -1);
    // A Windows editor: CRLF line ends and a stray empty line.
    const text = style === "blank-lines" ? `\r\n${body.join("\r\n")}\r\n\r\n` : `${body.join("\n")}\n`;
    return new Uint8Array(Buffer.from(text, "latin1"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A detached FS with two signers (`openssl cms -sign` with two `-signer`), PEM with its header lines. */
export function opensslSignTwice(fi: Uint8Array, signers: { pem: string; privateKeyPem: string }[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-fs-"));
  try {
    writeFileSync(path.join(dir, "fi"), fi);
    const args = ["cms", "-sign", "-in", "fi", "-outform", "PEM", "-out", "fs"];
    signers.forEach((s, i) => {
      writeFileSync(path.join(dir, `cert${i}.pem`), s.pem);
      writeFileSync(path.join(dir, `key${i}.pem`), s.privateKeyPem);
      args.push("-signer", `cert${i}.pem`, "-inkey", `key${i}.pem`);
    });
    execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    return new Uint8Array(readFileSync(path.join(dir, "fs")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The trainer's PKCS#12 → .pem + .key → FS, the three OpenSSL commands of seed 000 §3.1 steps 7–9. */
export function opensslSignWithPkcs12(fiPath: string, p12Path: string, password: string, fsPath: string): void {
  try {
    signWithPkcs12(fiPath, p12Path, password, fsPath);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    const { status, signal, stdout } = error as { status?: number; signal?: string; stdout?: Buffer };
    throw new Error(`${(error as Error).message} (status ${status}, signal ${signal})\n${stderr}\n${stdout?.toString() ?? ""}`);
  }
}

function signWithPkcs12(fiPath: string, p12Path: string, password: string, fsPath: string): void {
  const dir = path.dirname(fsPath);
  const pem = path.join(dir, "signer.pem");
  const key = path.join(dir, "signer.key");
  execFileSync("openssl", ["pkcs12", "-in", p12Path, "-passin", `pass:${password}`, "-out", pem, "-clcerts", "-nokeys"], { stdio: "pipe" });
  execFileSync("openssl", ["pkcs12", "-in", p12Path, "-passin", `pass:${password}`, "-passout", "pass:formation", "-out", key], { stdio: "pipe" });
  execFileSync("openssl", ["smime", "-sign", "-in", fiPath, "-signer", pem, "-inkey", key, "-passin", "pass:formation", "-outform", "PEM", "-out", fsPath], { stdio: "pipe" });
  const lines = readFileSync(fsPath, "latin1").split("\n").filter((line) => line !== "");
  writeFileSync(fsPath, `${lines.slice(1, -1).join("\n")}\n`);
}
