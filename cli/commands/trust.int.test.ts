import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { useFreshDatabase } from "@/lib/db/test-db";
import { createCertificate } from "@/lib/pki/generate";
import { isPlatformAdmin } from "@/lib/admin/admins";
import { listAdminJournal } from "@/lib/admin/journal";
import { getDbHandle } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { runAdmin } from "./admin";
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

test("trust retire keeps the CA listed as retired, drops it from the trust store, and is journaled as done by the CLI", async () => {
  const listed = JSON.parse((await captured(() => runTrust(["list"]))).out) as Array<{ sha256: string; retiredAt: string | null }>;
  const sha = listed[0]!.sha256;
  const retired = await captured(() => runTrust(["retire", sha]));
  assert.equal(retired.code, 0);
  assert.equal((await captured(() => runTrust(["retire", sha]))).code, 1, "already retired");
  assert.equal((await captured(() => runTrust(["retire"]))).code, 2);
  const after = JSON.parse((await captured(() => runTrust(["list"]))).out) as Array<{ sha256: string; retiredAt: string | null }>;
  assert.equal(after.length, 1);
  assert.ok(after[0]!.retiredAt);
  assert.equal((await loadTrustStore()).length, 0);
  const journal = await listAdminJournal((await getDbHandle()).db);
  assert.deepEqual(journal.map((e) => [e.action, e.actor]), [["admin.trust.retire", "CLI"], ["admin.trust.add", "CLI"]]);
});

test("admin grant makes a user a platform administrator by username or NISS, admin revoke removes the role but never the last one; unknown users and bad usage are refused", async () => {
  const db = (await getDbHandle()).db;
  const [user] = await db.insert(users).values({ username: "operator", niss: "85073003328", firstName: "Op", lastName: "Erator" }).returning({ id: users.id });
  assert.equal((await captured(() => runAdmin(["grant", "nobody"]))).code, 1);
  assert.equal((await captured(() => runAdmin(["grant"]))).code, 2);
  assert.equal((await captured(() => runAdmin(["revoke"]))).code, 2);
  assert.equal((await captured(() => runAdmin(["revoke", "operator"]))).code, 1, "not an administrator");
  const granted = await captured(() => runAdmin(["grant", "85073003328"]));
  assert.deepEqual([granted.code, JSON.parse(granted.out)], [0, { granted: true, alreadyAdmin: false }]);
  assert.deepEqual(JSON.parse((await captured(() => runAdmin(["grant", "Operator"]))).out), { granted: true, alreadyAdmin: true });
  assert.equal(await isPlatformAdmin(db, user!.id), true);
  // admin revoke (issue 17): never the last administrator; with a second one, the role goes and is journaled.
  assert.equal((await captured(() => runAdmin(["revoke", "operator"]))).code, 1, "the last administrator");
  await db.insert(users).values({ username: "second", niss: "85073003427", firstName: "Sec", lastName: "Ond" });
  assert.equal((await captured(() => runAdmin(["grant", "second"]))).code, 0);
  const revoked = await captured(() => runAdmin(["revoke", "OPERATOR"]));
  assert.deepEqual([revoked.code, JSON.parse(revoked.out)], [0, { revoked: true, username: "operator" }]);
  assert.equal(await isPlatformAdmin(db, user!.id), false);
  assert.equal((await listAdminJournal(db)).filter((e) => e.action === "admin.revoke" && e.actor === "CLI").length, 1);
});

test("QA 11b-G: a missing file is « file not found », exit 2", async () => {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(" "));
  try {
    assert.equal(await runTrust(["add", "--family", "other", "/nonexistent/ca.cer"]), 2);
  } finally {
    console.error = original;
  }
  assert.deepEqual(errors, ["file not found: /nonexistent/ca.cer"]);
});
