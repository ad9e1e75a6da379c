// Issue 6: at least 10,000 mutated inputs through the rules. Every one must come back as a clean
// acceptance or a refusal with a known code: no exception, no hang, no unknown code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createCertificate, generateSshKeyPair } from "@/lib/pki/generate";
import { checkCertificate, type Channel, type TrustedCa } from "./certificate";
import { checkPassword } from "./password";
import { RULE_CODES } from "./result";
import { checkSshPublicKey } from "./ssh-key";
import { checkUsername } from "./username";
import { prng } from "@/lib/testing/prng";

const known = new Set<string>(RULE_CODES);

function mutateBytes(input: Uint8Array, rnd: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rnd() * n);
  const bytes = Uint8Array.from(input);
  switch (pick(7)) {
    case 0: // bit flips
      for (let i = 0, n = 1 + pick(8); i < n; i += 1) bytes[pick(bytes.length)]! ^= 1 << pick(8);
      return bytes;
    case 1: // truncation
      return bytes.slice(0, pick(bytes.length));
    case 2: // random bytes inserted
      return Uint8Array.from([...bytes.slice(0, pick(bytes.length)), ...Array.from({ length: 1 + pick(32) }, () => pick(256)), ...bytes.slice(pick(bytes.length))]);
    case 3: // pure noise
      return Uint8Array.from({ length: pick(4096) }, () => pick(256));
    case 4: // length byte of an inner structure overwritten
      bytes[1 + pick(Math.min(64, bytes.length - 1))] = pick(256);
      return bytes;
    case 5: // duplicated (two certificates glued together)
      return Uint8Array.from([...bytes, ...bytes]);
    default: // oversized (over the 64 KiB limit)
      return new Uint8Array(65 * 1024 + pick(1024)).fill(pick(256));
  }
}

function mutateText(input: string, rnd: () => number): string {
  const pick = (n: number) => Math.floor(rnd() * n);
  const chars = [...input];
  switch (pick(6)) {
    case 0:
      for (let i = 0, n = 1 + pick(6); i < n; i += 1) chars[pick(chars.length)] = String.fromCodePoint(pick(0x2fff));
      return chars.join("");
    case 1:
      return chars.slice(0, pick(chars.length)).join("");
    case 2:
      return chars.join("").replace(/[A-Za-z0-9+/=]/g, (c) => (rnd() < 0.02 ? "!" : c));
    case 3:
      return `${chars.join("")}\n${chars.join("")}`;
    case 4:
      return "A".repeat(17 * 1024 + pick(100));
    default:
      return chars.reverse().join("");
  }
}

function randomString(rnd: () => number): string {
  const alphabets = ["EXPabcXYZ0123456789", ",;:=?./+*$%><&@#(!{})-_'\\[]\" ", "éèàçüößñ€", "\u0000\u0007\t\n\r\u202e\ufeff", "😀𝔘"];
  const length = Math.floor(rnd() * (rnd() < 0.1 ? 300 : 24));
  let out = "";
  for (let i = 0; i < length; i += 1) {
    const alphabet = alphabets[Math.floor(rnd() * alphabets.length)]!;
    out += [...alphabet][Math.floor(rnd() * [...alphabet].length)];
  }
  return rnd() < 0.5 ? `EXP${out}` : out;
}

function assertClean(result: { ok: boolean; code?: string; params?: unknown }, label: string): void {
  if (result.ok) return;
  assert.ok(result.code && known.has(result.code), `${label}: unknown code ${result.code}`);
  assert.equal(typeof result.params, "object", `${label}: params missing`);
}

test("issue 6: 4,000 mutated certificates get a clean verdict", async (t) => {
  const ca = await createCertificate({ subject: { cn: "Fuzz CA" }, isCa: true });
  const leaf = await createCertificate({ subject: { cn: "Fuzz leaf", o: "Fuzz" }, issuer: ca });
  const trustStore: TrustedCa[] = [{ family: "eid", der: ca.der }];
  // Issue 12: the new armours are mutated too (UTF-16LE PEM, bare Base64, TRUSTED CERTIFICATE tail).
  const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(leaf.pem, "utf16le")]);
  const bare = new TextEncoder().encode(Buffer.from(leaf.der).toString("base64"));
  const trusted = Uint8Array.from([...leaf.der, 0x30, 0x0c, 0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02]);
  const seeds = [leaf.der, new TextEncoder().encode(leaf.pem), utf16, bare, trusted];
  const channels: Channel[] = ["FTP", "SFTP", "SOAP", "REST"];
  const names = ["cert.cer", "CERT.CER", "cert.pfx", "c.p12", "x", "../../etc/passwd.cer", "é.cer", ""];
  const rnd = prng(4242);
  const outcomes = new Map<string, number>();
  for (let i = 0; i < 4000; i += 1) {
    const bytes = mutateBytes(seeds[i % seeds.length]!, rnd);
    const result = await checkCertificate({ fileName: rnd() < 0.8 ? "cert.cer" : names[i % names.length]!, bytes, channel: channels[i % 4]!, trustStore, now: new Date() });
    assertClean(result, `certificate #${i}`);
    const key = result.ok ? "accepted" : result.code;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  t.diagnostic(`certificates fuzzed: 4000; verdicts: ${JSON.stringify(Object.fromEntries(outcomes))}`);
});

test("issue 6: 3,000 mutated SSH public keys get a clean verdict", (t) => {
  const key = generateSshKeyPair({ kind: "rsa", bits: 2048, comment: "fuzz@chaman" });
  // Issue 12: authorized_keys lines with options and comments, and UTF-16 files (as bytes), mutated too.
  const seeds = [key.openssh, key.rfc4716, key.privateKeyPem, `# c\nfrom="10.0.0.1",command="a b" ${key.openssh}\n`];
  const rnd = prng(1717);
  let refused = 0;
  for (let i = 0; i < 3000; i += 1) {
    const text = mutateText(seeds[i % seeds.length]!, rnd);
    const result = checkSshPublicKey(i % 5 === 4 ? Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]) : text);
    assertClean(result, `ssh key #${i}`);
    if (!result.ok) refused += 1;
  }
  t.diagnostic(`ssh keys fuzzed: 3000; refused: ${refused}`);
});

test("issue 6: 3,000 random usernames and passwords get a clean verdict", (t) => {
  const rnd = prng(99);
  for (let i = 0; i < 1500; i += 1) {
    assertClean(checkUsername(randomString(rnd)), `username #${i}`);
    assertClean(checkPassword(randomString(rnd)), `password #${i}`);
  }
  t.diagnostic("usernames fuzzed: 1500; passwords fuzzed: 1500");
});
