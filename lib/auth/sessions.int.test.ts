// Issue 18: server-side sessions against a real database (PGlite, or PostgreSQL with DATABASE_URL).
import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditEvents, memberships, userSessions, users } from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { loadContexts, loadSessionContexts } from "./contexts";
import type { SessionPolicy } from "./session-policy";
import { endOtherSessions, endSession, listOpenSessions, openSession, touchSession } from "./sessions";

let db: Db;
withDemoDatabase((ready) => (db = ready));

const policy: SessionPolicy = { idleSeconds: 600, maxSeconds: 3600, touchSeconds: 60 };
const client = { ip: "10.18.0.1", userAgent: "Firefox 128 · Linux" };

async function userId(username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

async function signIn(username: string): Promise<{ userId: string; sessionId: string }> {
  const id = await userId(username);
  return { userId: id, sessionId: await openSession(db, id, client, policy) };
}

/** Moves a session's clock: « last seen » and the absolute end, `seconds` ago / from now. */
async function setTimes(sessionId: string, times: { lastSeenAgo?: number; expiresIn?: number }): Promise<void> {
  if (times.lastSeenAgo !== undefined) {
    await db.update(userSessions).set({ lastSeenAt: sql`now() - make_interval(secs => ${times.lastSeenAgo})` }).where(eq(userSessions.id, sessionId));
  }
  if (times.expiresIn !== undefined) {
    await db.update(userSessions).set({ expiresAt: sql`now() + make_interval(secs => ${times.expiresIn})` }).where(eq(userSessions.id, sessionId));
  }
}

async function events(action: string, sessionId: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, sessionId)));
}

test("an open session gives the user's contexts, exactly as loadContexts, in one query", async () => {
  const danny = await signIn("danny");
  const checked = await loadSessionContexts(db, danny, policy);
  assert.equal(checked.state, "open");
  if (checked.state !== "open") return;
  const plain = await loadContexts(db, danny.userId);
  assert.deepEqual({ user: checked.user, contexts: checked.contexts }, plain);
  assert.equal(checked.touchDue, false);
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, danny.sessionId));
  assert.equal(row?.ip, client.ip);
  assert.equal(row?.userAgent, client.userAgent);
  // Ends at the earlier of « last seen » + idle and the absolute end: here idle, about 10 minutes away.
  const inSeconds = (checked.expiresAt.getTime() - Date.now()) / 1000;
  assert.ok(inSeconds > 590 && inSeconds <= 601, String(inSeconds));
});

test("unknown session ids, and another user's session id, are refused", async () => {
  const danny = await signIn("danny");
  const claire = await signIn("claire");
  assert.deepEqual(await loadSessionContexts(db, { userId: danny.userId, sessionId: crypto.randomUUID() }, policy), { state: "refused" });
  assert.deepEqual(await loadSessionContexts(db, { userId: danny.userId, sessionId: claire.sessionId }, policy), { state: "refused" });
  assert.deepEqual(await loadSessionContexts(db, { userId: crypto.randomUUID(), sessionId: danny.sessionId }, policy), { state: "refused" });
  // Nobody can end someone else's session by its id.
  assert.equal(await endSession(db, { userId: danny.userId, sessionId: claire.sessionId }, "closed", "10.0.0.9", policy), false);
  assert.equal((await loadSessionContexts(db, claire, policy)).state, "open");
});

test("a signed-out (revoked) session is refused at once, journaled once, and never reopened", async () => {
  const claire = await signIn("claire");
  assert.equal(await endSession(db, claire, "sign-out", "10.18.0.2", policy), true);
  assert.deepEqual(await loadSessionContexts(db, claire, policy), { state: "refused" });
  assert.equal(await endSession(db, claire, "sign-out", "10.18.0.2", policy), false);
  assert.equal(await touchSession(db, claire.sessionId, policy), false);
  const [event, ...more] = await events("auth.sign-out", claire.sessionId);
  assert.equal(more.length, 0);
  assert.equal(event?.actorLabel, "claire");
  assert.equal(event?.ip, "10.18.0.2");
  assert.notEqual(event?.enterpriseId, null, "filed under claire's enterprise, for its journal");
  assert.equal(event?.summary?.address, client.ip);
});

test("a session idle for longer than the timeout lapses, is ended as expired (journaled) and stays refused", async () => {
  const ann = await signIn("ann");
  await setTimes(ann.sessionId, { lastSeenAgo: policy.idleSeconds - 5 });
  assert.equal((await loadSessionContexts(db, ann, policy)).state, "open");
  await setTimes(ann.sessionId, { lastSeenAgo: policy.idleSeconds + 1 });
  assert.deepEqual(await loadSessionContexts(db, ann, policy), { state: "lapsed" });
  // Activity cannot bring it back.
  assert.equal(await touchSession(db, ann.sessionId, policy), false);
  assert.equal(await endSession(db, ann, "expired", "10.18.0.3", policy), true);
  assert.deepEqual(await loadSessionContexts(db, ann, policy), { state: "refused" });
  const [event] = await events("auth.session-expired", ann.sessionId);
  assert.equal(event?.summary?.cause, "idle");
});

test("a session past its absolute lifetime lapses even when active", async () => {
  const steven = await signIn("steven");
  await setTimes(steven.sessionId, { expiresIn: -1 });
  assert.deepEqual(await loadSessionContexts(db, steven, policy), { state: "lapsed" });
  assert.equal(await endSession(db, steven, "expired", null, policy), true);
  const [event] = await events("auth.session-expired", steven.sessionId);
  assert.equal(event?.summary?.cause, "lifetime");
});

test("« expired » only ends a lapsed session: an open one is left open", async () => {
  const ivan = await signIn("ivan");
  assert.equal(await endSession(db, ivan, "expired", null, policy), false);
  assert.equal((await loadSessionContexts(db, ivan, policy)).state, "open");
});

test("concurrent requests of one session write « last seen » at most once per interval", async () => {
  const mery = await signIn("mery");
  await setTimes(mery.sessionId, { lastSeenAgo: 120 });
  // As getActor does per request: read the session with the roles, then touch it when due.
  const request = async () => {
    const checked = await loadSessionContexts(db, mery, policy);
    assert.equal(checked.state, "open");
    return checked.state === "open" && checked.touchDue ? touchSession(db, mery.sessionId, policy) : false;
  };
  const written = await Promise.all(Array.from({ length: 30 }, request));
  assert.equal(written.filter(Boolean).length, 1);
  // Moved to now: not due again within the interval, and the idle timeout counts from here.
  assert.equal(await touchSession(db, mery.sessionId, policy), false);
  const checked = await loadSessionContexts(db, mery, policy);
  assert.equal(checked.state === "open" && checked.touchDue, false);
  const [row] = await db.select({ age: sql<number>`extract(epoch from now() - ${userSessions.lastSeenAt})::float8` }).from(userSessions).where(eq(userSessions.id, mery.sessionId));
  assert.ok((row?.age ?? 99) < 30, String(row?.age));
  // Control: the bare conditional update also lets exactly one of many concurrent writers through.
  await setTimes(mery.sessionId, { lastSeenAgo: 120 });
  const bare = await Promise.all(Array.from({ length: 30 }, () => touchSession(db, mery.sessionId, policy)));
  assert.equal(bare.filter(Boolean).length, 1);
});

test("« Fermer toutes les autres sessions » ends every other open session of the user only", async () => {
  const first = await signIn("bob");
  const second = await signIn("bob");
  const third = await signIn("bob");
  const danny = await signIn("danny");
  const open = (await listOpenSessions(db, first.userId, policy)).map((s) => s.id);
  for (const s of [first, second, third]) assert.ok(open.includes(s.sessionId));
  assert.equal(await endOtherSessions(db, first.userId, first.sessionId, "10.18.0.4", policy), 2);
  assert.deepEqual((await listOpenSessions(db, first.userId, policy)).map((s) => s.id), [first.sessionId]);
  assert.equal((await loadSessionContexts(db, second, policy)).state, "refused");
  assert.equal((await loadSessionContexts(db, danny, policy)).state, "open");
  assert.equal((await events("auth.session-closed", third.sessionId)).length, 1);
});

test("removing a user from the enterprise ends all of that user's sessions (database trigger)", async () => {
  const a = await signIn("claire");
  const b = await signIn("claire");
  await db.delete(memberships).where(eq(memberships.userId, a.userId));
  for (const s of [a, b]) assert.deepEqual(await loadSessionContexts(db, s, policy), { state: "refused" });
  const rows = await db.select({ reason: userSessions.endReason }).from(userSessions).where(eq(userSessions.id, a.sessionId));
  assert.deepEqual(rows, [{ reason: "membership-removed" }]);
});

test("QA 18-8: a session ended by the removal is journaled under the enterprise the user left", async () => {
  const a = await signIn("steven");
  const [membership] = await db.select({ enterpriseId: memberships.enterpriseId }).from(memberships).where(eq(memberships.userId, a.userId));
  await db.delete(memberships).where(eq(memberships.userId, a.userId));
  const journaled = await events("auth.session-revoked", a.sessionId);
  assert.equal(journaled.length, 1);
  assert.equal(journaled[0]?.enterpriseId, membership?.enterpriseId);
  assert.equal(journaled[0]?.actorLabel, "steven");
  assert.equal(journaled[0]?.summary?.cause, "membership-removed");
  assert.match(String(journaled[0]?.summary?.startedAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test("signing in ends the user's lapsed sessions as expired and forgets sessions ended over 30 days ago", async () => {
  const old = await signIn("ivan");
  const ended = await signIn("ivan");
  await setTimes(old.sessionId, { lastSeenAgo: policy.idleSeconds * 2 });
  await endSession(db, ended, "sign-out", null, policy);
  await db.update(userSessions).set({ endedAt: sql`now() - interval '31 days'` }).where(eq(userSessions.id, ended.sessionId));
  await signIn("ivan");
  assert.equal((await events("auth.session-expired", old.sessionId)).length, 1);
  assert.deepEqual(await db.select().from(userSessions).where(eq(userSessions.id, ended.sessionId)), []);
});

test("the database refuses an ended session without a known reason", async () => {
  const ann = await signIn("ann");
  await assert.rejects(db.update(userSessions).set({ endedAt: sql`now()` }).where(eq(userSessions.id, ann.sessionId)));
  await assert.rejects(db.update(userSessions).set({ endedAt: sql`now()`, endReason: "whatever" }).where(eq(userSessions.id, ann.sessionId)));
});
