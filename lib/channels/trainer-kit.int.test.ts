import assert from "node:assert/strict";
import { test } from "node:test";
import type { Db } from "@/lib/db/client";
import { withDemoDatabase } from "@/lib/db/test-db";
import * as s from "@/lib/db/schema";
import { CHANNELS, checkCertificate } from "@/lib/rules/certificate";
import { checkSshPublicKey } from "@/lib/rules/ssh-key";
import { trainerSamples } from "./trainer-kit";
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

test("without demo CA keys (a real deployment) there is no kit", async () => {
  await db.delete(s.demoCaKeys);
  assert.equal(await trainerSamples(db), null);
});
