import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Db } from "@/lib/db/client";
import { withDemoDatabase } from "@/lib/db/test-db";
import * as s from "@/lib/db/schema";
import { CHANNELS, checkCertificate } from "@/lib/rules/certificate";
import { checkSshPublicKey } from "@/lib/rules/ssh-key";
import { TRAINER_PKCS12_PASSWORD, trainerSamples } from "./trainer-kit";
import { loadTrustStore } from "./trust-store";

let db: Db;

withDemoDatabase((ready) => (db = ready));

test("each trainer sample gets exactly its announced verdict (SPEC §4.3, §4.4)", async () => {
  const samples = await trainerSamples(db);
  assert.ok(samples);
  const trustStore = await loadTrustStore(db);
  const codes = new Set<string>();
  for (const sample of samples) {
    if (sample.channels) {
      for (const channel of CHANNELS) {
        const result = await checkCertificate({ fileName: sample.id, bytes: sample.bytes, channel, trustStore, now: new Date() });
        const verdict = result.ok ? "ok" : result.code;
        assert.equal(verdict, sample.channels[channel], `${sample.id} on ${channel}`);
        codes.add(verdict);
      }
    }
    if (sample.ssh) {
      const result = checkSshPublicKey(new TextDecoder().decode(sample.bytes));
      assert.equal(result.ok ? "ok" : result.code, sample.ssh, sample.id);
      codes.add(result.ok ? "ok" : result.code);
    }
  }
  // Every certificate rule of the issue and the SSH rules are shown by at least one sample.
  for (const code of [
    "cert.extension", "cert.pkcs12", "cert.unreadable", "cert.private-key", "cert.key-type", "cert.key-size", "cert.curve",
    "cert.signature-hash", "cert.not-yet-valid", "cert.expired", "cert.self-signed-not-allowed", "cert.issuer-not-allowed", "cert.key-usage",
    "ssh.key-size", "ssh.key-type", "ssh.private-key", "ssh.unreadable", "ok",
  ]) {
    assert.ok(codes.has(code), code);
  }
  assert.equal(await trainerSamples(db), samples, "cached per process");
});

test("issue 14: the REST sample's PKCS#12 opens with the stated password and holds the key of the .cer", async () => {
  const samples = (await trainerSamples(db))!;
  const file = (id: string) => samples.find((x) => x.id === id)!.bytes;
  const dir = mkdtempSync(path.join(tmpdir(), "kit-"));
  try {
    writeFileSync(path.join(dir, "kit.p12"), file("accepte-rest-self-signed.p12"));
    const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "ignore"] }).toString();
    const keyPem = run(["pkcs12", "-in", "kit.p12", "-nocerts", "-nodes", "-passin", `pass:${TRAINER_PKCS12_PASSWORD}`]);
    assert.equal(createPublicKey(createPrivateKey(keyPem)).export({ type: "spki", format: "pem" }), new X509Certificate(file("accepte-rest-self-signed.cer")).publicKey.export({ type: "spki", format: "pem" }));
    assert.throws(() => run(["pkcs12", "-in", "kit.p12", "-nocerts", "-nodes", "-passin", "pass:wrong"]));
    assert.equal(createPrivateKey(new TextDecoder().decode(file("accepte-rest-self-signed-cle-privee.key"))).export({ type: "pkcs8", format: "pem" }), createPrivateKey(keyPem).export({ type: "pkcs8", format: "pem" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the trainer's PKCS#12 signs FS files with seed 000's OpenSSL steps, and its SSH private key matches the accepted public key (issue 15)", async () => {
  const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const sshpk = (await import("sshpk")).default;
  const { opensslSignWithPkcs12 } = await import("@/lib/transfer/testing/openssl");
  const { verifyDeclarationSignature } = await import("@/lib/transfer/signature");
  const { TRAINER_PKCS12_PASSWORD } = await import("./trainer-kit");
  const samples = await trainerSamples(db);
  assert.ok(samples);
  const byId = (id: string) => samples?.find((sample) => sample.id === id)?.bytes ?? new Uint8Array();
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-kit-"));
  try {
    writeFileSync(path.join(dir, "kit.p12"), byId("formation-signature-eid.p12"));
    const fi = new Uint8Array(Buffer.from("<DmfA>\n  <Formation/>\n</DmfA>\n"));
    writeFileSync(path.join(dir, "FI"), fi);
    opensslSignWithPkcs12(path.join(dir, "FI"), path.join(dir, "kit.p12"), TRAINER_PKCS12_PASSWORD, path.join(dir, "FS"));
    const cer = byId("accepte-eid-rsa2048.cer");
    const { X509Certificate } = await import("@/lib/pki/x509");
    const parsed = new X509Certificate(cer.buffer.slice(cer.byteOffset, cer.byteOffset + cer.byteLength) as ArrayBuffer);
    const verdict = await verifyDeclarationSignature(new Uint8Array(readFileSync(path.join(dir, "FS"))), fi, { content: cer, notBefore: parsed.notBefore, notAfter: parsed.notAfter });
    assert.deepEqual(verdict, { ok: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const privateKey = sshpk.parsePrivateKey(Buffer.from(byId("formation-ssh-cle-privee")), "auto");
  const publicKey = sshpk.parseKey(Buffer.from(byId("ssh-accepte-rsa2048.pub")), "auto");
  assert.equal(privateKey.toPublic().fingerprint("sha256").toString(), publicKey.fingerprint("sha256").toString());
});

test("without demo CA keys (a real deployment) there is no kit", async () => {
  await db.delete(s.demoCaKeys);
  assert.equal(await trainerSamples(db), null);
});
