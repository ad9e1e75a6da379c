import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { authenticate } from "./authenticate";
import { throttlePolicies } from "@/lib/security/throttle-policy";

const throttlePolicy = throttlePolicies["sign-in"];

let db: Db;
withDemoDatabase((ready) => (db = ready));

test("the right password signs in, whatever the case of the username", async () => {
  const result = await authenticate("Danny", "demo", "10.0.0.1");
  assert.equal(result.ok, true);
});

test("a wrong password and an unknown user get the same answer, and both are journaled", async () => {
  assert.deepEqual(await authenticate("danny", "Demo", "10.0.0.2"), { ok: false, reason: "invalid" });
  assert.deepEqual(await authenticate("nobody", "demo", "10.0.0.2"), { ok: false, reason: "invalid" });
  const failed = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign-in-failed"));
  assert.ok(failed.some((e) => e.targetId === "danny" && e.enterpriseId !== null && e.ip === "10.0.0.2"));
  assert.ok(failed.some((e) => e.targetId === "nobody" && e.enterpriseId === null));
});

test("issue 6: the fifth failure locks the username, even with the right password afterwards", async () => {
  for (let i = 0; i < throttlePolicy.perSubject; i += 1) {
    assert.deepEqual(await authenticate("mery", "wrong", `10.0.1.${i}`), { ok: false, reason: "invalid" });
  }
  assert.deepEqual(await authenticate("mery", "demo", "10.0.1.99"), { ok: false, reason: "throttled" });
  const lockouts = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.locked-out"), eq(auditEvents.targetId, "mery")));
  assert.equal(lockouts.length, 1, "the lock-out is journaled once, for the managers");
  assert.ok(lockouts[0]?.enterpriseId);
});

test("issue 6: an unknown username is locked exactly like a real one (no account enumeration)", async () => {
  for (let i = 0; i < throttlePolicy.perSubject; i += 1) await authenticate("ghost", "wrong", `10.0.2.${i}`);
  assert.deepEqual(await authenticate("ghost", "demo", "10.0.2.99"), { ok: false, reason: "throttled" });
});

test("issue 6: one client address is locked after too many failures across usernames", async () => {
  for (let i = 0; i < throttlePolicy.perAddress; i += 1) await authenticate(`user${i}`, "wrong", "10.0.3.1");
  assert.deepEqual(await authenticate("ann", "demo", "10.0.3.1"), { ok: false, reason: "throttled" });
  assert.equal((await authenticate("ann", "demo", "10.0.3.2")).ok, true, "another address is not affected");
});

test("a success resets the username's failure count", async () => {
  for (let i = 0; i < throttlePolicy.perSubject - 1; i += 1) await authenticate("claire", "wrong", "10.0.4.1");
  assert.equal((await authenticate("claire", "demo", "10.0.4.1")).ok, true);
  for (let i = 0; i < throttlePolicy.perSubject - 1; i += 1) await authenticate("claire", "wrong", "10.0.4.1");
  assert.equal((await authenticate("claire", "demo", "10.0.4.1")).ok, true);
});

test("QA 18-3: throttled attempts on a locked username are journaled once per window, under the user's enterprise", async () => {
  for (let i = 0; i < throttlePolicy.perSubject; i += 1) await authenticate("ivan", "wrong", `10.0.5.${i}`);
  // Many refused attempts, some at once: one journal row.
  for (let i = 0; i < 4; i += 1) assert.deepEqual(await authenticate("ivan", "demo", "10.0.5.50"), { ok: false, reason: "throttled" });
  await Promise.all(Array.from({ length: 4 }, () => authenticate("ivan", "wrong", "10.0.5.51")));
  const rows = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in-throttled"), eq(auditEvents.targetId, "ivan")));
  assert.equal(rows.length, 1);
  assert.ok(rows[0]?.enterpriseId, "filed under ivan's enterprise, so its managers see it");
  assert.equal(rows[0]?.ip, "10.0.5.50");

  // An unknown username: one row too, in the platform journal.
  for (let i = 0; i < throttlePolicy.perSubject + 3; i += 1) await authenticate("phantom", "wrong", `10.0.6.${i}`);
  const ghosts = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign-in-throttled"), eq(auditEvents.targetId, "phantom")));
  assert.equal(ghosts.length, 1);
  assert.equal(ghosts[0]?.enterpriseId, null);
});
