import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { useFreshDatabase } from "@/lib/db/test-db";
import { createCertificate } from "@/lib/pki/generate";
import { loadTrustStore, runTrust } from "./trust";

let dispose: () => Promise<void>;
before(async () => {
  dispose = (await useFreshDatabase()).dispose;
});
after(async () => dispose());

async function captured(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await run(), out: lines.join("\n") };
  } finally {
    console.log = original;
  }
}

test("trust add stores a CA with its family; trust list shows it; adding it again changes nothing", async () => {
  const ca = await createCertificate({ subject: { cn: "Test eID CA" }, isCa: true });
  const file = path.join(tmpdir(), `ca-${process.pid}.cer`);
  writeFileSync(file, ca.pem);
  const added = await captured(() => runTrust(["add", "--family", "eid", file]));
  assert.equal(added.code, 0);
  assert.equal(JSON.parse(added.out).added, true);
  assert.equal(JSON.parse((await captured(() => runTrust(["add", "--family", "eid", file]))).out).added, false);
  const listed = await captured(() => runTrust(["list"]));
  const rows = JSON.parse(listed.out) as Array<{ family: string; label: string }>;
  assert.deepEqual(rows.map((r) => [r.family, r.label]), [["eid", "Test eID CA"]]);
  const store = await loadTrustStore();
  assert.equal(store.length, 1);
  assert.deepEqual(store[0]?.der, ca.der);
});

test("trust add refuses a certificate that is not a CA, an unreadable file and an unknown family", async () => {
  const leaf = await createCertificate({ subject: { cn: "Not a CA" } });
  const leafFile = path.join(tmpdir(), `leaf-${process.pid}.cer`);
  writeFileSync(leafFile, leaf.der);
  assert.equal((await captured(() => runTrust(["add", "--family", "other", leafFile]))).code, 1);
  const junk = path.join(tmpdir(), `junk-${process.pid}.cer`);
  writeFileSync(junk, "not a certificate");
  assert.equal((await captured(() => runTrust(["add", "--family", "other", junk]))).code, 1);
  assert.equal((await captured(() => runTrust(["add", "--family", "nsa", junk]))).code, 2);
  assert.equal((await captured(() => runTrust(["remove"]))).code, 2);
});
