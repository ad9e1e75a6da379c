// Issue 19 (item 5): removing a co-manager who came from another enterprise ends his membership;
// nobody removes his own role by mistake, nor the last manager of a quality or of the entity.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { and, desc, eq, gte } from "drizzle-orm";
import { loadContexts } from "@/lib/auth/contexts";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { listMembers } from "./rights";
import { addCoManager, listEntityManagers, listQualityManagers, removeCoManager } from "./roles";
import { loadResponsables } from "./responsables";
import { actorFor, assertRefused, messageOf } from "./test-support";

let db: Db;
withDemoDatabase((ready) => (db = ready));
let firstEventId = 0;
beforeEach(async () => {
  await resetDemo(db);
  const [last] = await db.select({ id: s.auditEvents.id }).from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1);
  firstEventId = (last?.id ?? 0) + 1;
});

const CLAIRE_NISS = "83061963595";
const BOB_NISS = "88112341148";
const userId = async (username: string) => (await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username)))[0]!.id;
const events = (action: string) => db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, action), gte(s.auditEvents.id, firstEventId)));
async function assignmentOf(actorName: string, name: string, level: "quality" | "entity" = "quality"): Promise<string> {
  const actor = await actorFor(db, actorName);
  const list = level === "quality" ? await listQualityManagers(db, actor) : await listEntityManagers(db, actor);
  assert.ok(list.ok);
  const found = list.managers.find((m) => m.name === name);
  assert.ok(found, `${name} is a manager`);
  return found.id;
}

test("Mery designates Claire (another enterprise), Danny removes the role: Claire is out of APK Recycling", async () => {
  const mery = await actorFor(db, "mery");
  assert.ok((await addCoManager(db, mery, { role: "co-gestionnaire-local", niss: CLAIRE_NISS })).ok);
  const claireId = await userId("claire");
  const apk = mery.ctx.enterpriseId;
  assert.ok((await loadContexts(db, claireId))!.contexts.some((c) => c.enterpriseId === apk), "while designated, Claire acts for APK");
  // A right given to her meanwhile goes with her.
  await db.insert(s.chamanRights).values({ userId: claireId, enterpriseId: apk, qualityId: mery.ctx.qualityId });

  const danny = await actorFor(db, "danny");
  const removed = await removeCoManager(db, danny, { assignmentId: await assignmentOf("danny", "Claire Dupont") });
  assert.deepEqual(removed, { ok: true, leftEnterprise: true });

  const contexts = (await loadContexts(db, claireId))!.contexts;
  assert.equal(contexts.some((c) => c.enterpriseId === apk), false, "APK Recycling is no longer in « Agir pour »");
  assert.ok(contexts.some((c) => c.enterpriseName === "Boulangerie Dupont"), "her own enterprise stays");
  const members = await listMembers(db, danny);
  assert.ok(members.ok);
  assert.equal(members.members.some((m) => m.name === "Claire Dupont"), false, "nor in its user list");
  assert.equal((await db.select().from(s.chamanRights).where(and(eq(s.chamanRights.userId, claireId), eq(s.chamanRights.enterpriseId, apk)))).length, 0);
  // Her pages name the managers of her own enterprise only.
  const claire = await actorFor(db, "claire");
  assert.deepEqual((await loadResponsables(db, claire.ctx)).quality.local, ["Claire Dupont"]);
  const [ended] = await events("membership.end");
  assert.equal(ended?.targetId, claireId);
  assert.equal(ended?.enterpriseId, apk);
  assert.equal(ended?.actorUserId, danny.userId);
});

test("a co-manager who works for the enterprise keeps his membership when his role is removed", async () => {
  const danny = await actorFor(db, "danny");
  assert.ok((await addCoManager(db, danny, { role: "co-gestionnaire-local", niss: BOB_NISS })).ok);
  assert.deepEqual(await removeCoManager(db, danny, { assignmentId: await assignmentOf("danny", "Bob Lambert") }), { ok: true, leftEnterprise: false });
  const members = await listMembers(db, danny);
  assert.ok(members.ok && members.members.some((m) => m.name === "Bob Lambert"));
  assert.equal((await events("membership.end")).length, 0);
});

test("a person with another role left in the enterprise stays a member", async () => {
  const steven = await actorFor(db, "steven");
  assert.ok((await addCoManager(db, steven, { role: "co-responsable-acces", niss: CLAIRE_NISS })).ok);
  const danny = await actorFor(db, "danny");
  assert.ok((await addCoManager(db, danny, { role: "co-gestionnaire-local", niss: CLAIRE_NISS })).ok);
  assert.deepEqual(await removeCoManager(db, danny, { assignmentId: await assignmentOf("danny", "Claire Dupont") }), { ok: true, leftEnterprise: false });
  assert.deepEqual(await removeCoManager(db, steven, { assignmentId: await assignmentOf("steven", "Claire Dupont", "entity") }), { ok: true, leftEnterprise: true });
});

test("removing one's own role needs a confirmation", async () => {
  const mery = await actorFor(db, "mery");
  const own = await assignmentOf("danny", "Mery Dubois");
  const refused = await removeCoManager(db, mery, { assignmentId: own });
  assertRefused(refused, "access.confirm-self-removal");
  assert.match(messageOf(refused, "fr"), /votre propre rôle/);
  assert.equal((await actorFor(db, "mery")).ctx.canManageRights, true, "nothing changed");
  assert.deepEqual(await removeCoManager(db, mery, { assignmentId: own, confirmSelf: true }), { ok: true, leftEnterprise: false });
  assert.equal((await actorFor(db, "mery")).ctx.canManageRights, false);
});

test("never the last manager of a quality, nor of the entity", async () => {
  const onss = (await actorFor(db, "danny")).ctx;
  await db.delete(s.roleAssignments).where(and(eq(s.roleAssignments.userId, await userId("danny")), eq(s.roleAssignments.qualityId, onss.qualityId)));
  const mery = await actorFor(db, "mery");
  const refused = await removeCoManager(db, mery, { assignmentId: await assignmentOf("mery", "Mery Dubois"), confirmSelf: true });
  assertRefused(refused, "access.last-manager");
  assert.match(messageOf(refused, "nl"), /geen enkele beheerder/);

  const steven = await actorFor(db, "steven");
  assert.ok((await addCoManager(db, steven, { role: "co-responsable-acces", niss: BOB_NISS })).ok);
  await db.delete(s.roleAssignments).where(and(eq(s.roleAssignments.userId, steven.userId), eq(s.roleAssignments.role, "responsable-acces")));
  const bob = await actorFor(db, "bob");
  assertRefused(await removeCoManager(db, bob, { assignmentId: await assignmentOf("bob", "Bob Lambert", "entity"), confirmSelf: true }), "access.last-manager");
});

test("two co-managers removing each other at once: exactly one removal happens, a manager remains", async () => {
  const onss = (await actorFor(db, "danny")).ctx;
  await db.delete(s.roleAssignments).where(and(eq(s.roleAssignments.userId, await userId("danny")), eq(s.roleAssignments.qualityId, onss.qualityId)));
  const mery = await actorFor(db, "mery");
  assert.ok((await addCoManager(db, mery, { role: "co-gestionnaire-local", niss: BOB_NISS })).ok);
  const bob = await actorFor(db, "bob");
  const [bobRole, meryRole] = [await assignmentOf("mery", "Bob Lambert"), await assignmentOf("mery", "Mery Dubois")];
  const results = await Promise.all([removeCoManager(db, mery, { assignmentId: bobRole }), removeCoManager(db, bob, { assignmentId: meryRole })]);
  assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
  const left = await db.select().from(s.roleAssignments).where(and(eq(s.roleAssignments.enterpriseId, onss.enterpriseId), eq(s.roleAssignments.qualityId, onss.qualityId)));
  assert.equal(left.length, 1);
});
