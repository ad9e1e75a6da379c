// Issue 19 process test: the throttle holds under parallel attempts, with and without address
// rotation, on PGlite and on PostgreSQL (there also across two "app instances", i.e. two pools).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { authenticate } from "@/lib/auth/authenticate";
import { openDatabase, type Db, type DbHandle } from "@/lib/db/client";
import { auditEvents, throttleAttempts } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed/demo";
import { useFreshDatabase } from "@/lib/db/test-db";
import { reserveAttempt, settleAttempt } from "./throttle";
import { throttlePolicies } from "./throttle-policy";

const policy = throttlePolicies["sign-in"];
let db: Db;
let second: DbHandle | undefined;
let dispose: (() => Promise<void>) | undefined;

before(async () => {
  const handle = await useFreshDatabase();
  dispose = handle.dispose;
  db = handle.db;
  await seedDemo(db);
  if (handle.url) second = await openDatabase({ url: handle.url });
});
after(async () => {
  await second?.close();
  await dispose?.();
});

function tally(results: { ok: boolean; reason?: string }[]) {
  const count = (f: (r: { ok: boolean; reason?: string }) => boolean) => results.filter(f).length;
  return { signedIn: count((r) => r.ok), verifiedWrong: count((r) => r.reason === "invalid"), throttled: count((r) => r.reason === "throttled") };
}

test("40 parallel wrong passwords for one username: 5 are verified, the right password sent meanwhile is refused", async () => {
  const wrong = Array.from({ length: 40 }, () => authenticate("danny", "wrong", "198.51.100.1"));
  const right = authenticate("danny", "demo", "198.51.100.1");
  const results = await Promise.all([...wrong, right]);
  const { signedIn, verifiedWrong, throttled } = tally(results);
  assert.equal(signedIn, 0, "the right password must not sign in while the username is locked");
  assert.equal(verifiedWrong, policy.perSubject, "at most 5 passwords are verified");
  assert.equal(throttled, 41 - policy.perSubject);
  assert.deepEqual(await authenticate("danny", "demo", "198.51.100.2"), { ok: false, reason: "throttled" });
  const lockouts = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.locked-out"), eq(auditEvents.targetId, "danny")));
  assert.equal(lockouts.length, 1, "the lock-out is journaled once");
});

test("rotating the client address changes nothing for the per-username limit", async () => {
  const wrong = Array.from({ length: 40 }, (_, i) => authenticate("mery", "wrong", `203.0.113.${i + 1}`));
  const right = authenticate("mery", "demo", "203.0.113.200");
  const { signedIn, verifiedWrong } = tally(await Promise.all([...wrong, right]));
  assert.equal(signedIn, 0);
  assert.equal(verifiedWrong, policy.perSubject);
});

test("one address trying many usernames in parallel has at most 20 verified", async () => {
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) => authenticate(`guess${i}`, "wrong", "192.0.2.77")));
  const { verifiedWrong, throttled } = tally(results);
  assert.equal(verifiedWrong, policy.perAddress);
  assert.equal(throttled, 60 - policy.perAddress);
  assert.deepEqual(await authenticate("ann", "demo", "192.0.2.77"), { ok: false, reason: "throttled" });
  assert.equal((await authenticate("ann", "demo", "192.0.2.78")).ok, true, "another address is not affected");
});

test("a success does not wipe the failures other requests are still verifying", async () => {
  const key = { scope: "sign-in" as const, subject: "inflight", address: "192.0.2.10" };
  const pending = await Promise.all([1, 2, 3].map(() => reserveAttempt(db, key)));
  const legit = await reserveAttempt(db, key);
  assert.ok(legit.ok);
  await settleAttempt(db, legit.attemptId, true);
  for (const r of pending) {
    assert.ok(r.ok);
    await settleAttempt(db, r.attemptId, false);
  }
  // Three failures still count: two more attempts may be verified, not a third.
  const next = [await reserveAttempt(db, key), await reserveAttempt(db, key), await reserveAttempt(db, key)];
  assert.deepEqual(next.map((r) => r.ok), [true, true, false]);
  const refused = next[2];
  assert.ok(refused && !refused.ok && refused.reason === "subject");
  assert.ok(refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= policy.windowMinutes * 60);
});

test("a success forgives the username's settled failures, never the address's", async () => {
  const key = { scope: "sign-in" as const, subject: "forgiven", address: "192.0.2.20" };
  for (let i = 0; i < 4; i += 1) {
    const r = await reserveAttempt(db, key);
    assert.ok(r.ok);
    await settleAttempt(db, r.attemptId, false);
  }
  const success = await reserveAttempt(db, key);
  assert.ok(success.ok);
  await settleAttempt(db, success.attemptId, true);
  const again = await reserveAttempt(db, key);
  assert.ok(again.ok, "the username may try again after its success");
  await settleAttempt(db, again.attemptId, false);
  const rows = await db.select().from(throttleAttempts).where(eq(throttleAttempts.address, key.address));
  assert.equal(rows.filter((r) => r.outcome === "failed").length, 5, "the address still counts all five failures");
});

test("settling twice changes nothing; scopes have separate budgets", async () => {
  const key = { scope: "ftp" as const, subject: "danny", address: "198.51.100.1" };
  const r = await reserveAttempt(db, key);
  assert.ok(r.ok, "the sign-in lock-out of danny does not lock his FTP budget");
  await settleAttempt(db, r.attemptId, false);
  assert.deepEqual(await settleAttempt(db, r.attemptId, true), { lockedOut: null, failures: { subject: 0, address: 0 } });
  const [row] = await db.select().from(throttleAttempts).where(eq(throttleAttempts.id, r.attemptId));
  assert.equal(row?.outcome, "failed");
});

test("two app instances on one PostgreSQL database share the budget", async () => {
  const instances = second ? [db, second.db] : [db];
  const key = { scope: "sign-in" as const, subject: "client-1", address: "198.51.100.50" };
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => reserveAttempt(instances[i % instances.length] ?? db, key)));
  assert.equal(results.filter((r) => r.ok).length, throttlePolicies["sign-in"].perSubject);
});

test("oauth-token: pending attempts do not count for the Client ID, the address budget stays atomic", async () => {
  const key = { scope: "oauth-token" as const, subject: "client-parallel", address: "198.51.100.60" };
  const results = await Promise.all(Array.from({ length: 30 }, () => reserveAttempt(db, key)));
  assert.equal(results.filter((r) => r.ok).length, throttlePolicies["oauth-token"].perAddress);
  assert.ok(results.every((r) => r.ok || r.reason === "address"));
});

test("a failure settled with countsForSubject: false counts for the address only", async () => {
  const key = { scope: "oauth-token" as const, subject: "client-victim", address: "198.51.100.61" };
  for (let i = 0; i < throttlePolicies["oauth-token"].perSubject; i++) {
    const r = await reserveAttempt(db, key);
    assert.ok(r.ok);
    const settled = await settleAttempt(db, r.attemptId, false, { countsForSubject: false });
    assert.equal(settled.failures.subject, 0);
    assert.equal(settled.failures.address, i + 1);
  }
  assert.equal((await reserveAttempt(db, { ...key, address: "198.51.100.62" })).ok, true);
});
