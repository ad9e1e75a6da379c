import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { and, desc, eq, gte } from "drizzle-orm";
import { loadContexts } from "@/lib/auth/contexts";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { activateQuality, listQualities } from "./qualities";
import { grantChamanRight, listMembers, revokeChamanRight } from "./rights";
import { addCoManager, listQualityManagers, removeCoManager } from "./roles";
import { loadResponsables } from "./responsables";
import { actorFor, assertRefused, messageOf } from "./test-support";

let db: Db;

withDemoDatabase((ready) => (db = ready));
// The audit trail is append-only and survives resets: each test looks at its own events only.
let firstEventId = 0;
beforeEach(async () => {
  await resetDemo(db);
  const [last] = await db.select({ id: s.auditEvents.id }).from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1);
  firstEventId = (last?.id ?? 0) + 1;
});

const userId = async (username: string) => (await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username)))[0]!.id;
const qualityId = async (code: string) => (await db.select({ id: s.qualities.id }).from(s.qualities).where(eq(s.qualities.code, code)))[0]!.id;
const events = async (action: string) =>
  db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, action), gte(s.auditEvents.id, firstEventId)));

test("seed 003 §5: steven activates « Prestataire de formation », managing it himself; a new sender number is assigned", async () => {
  const steven = await actorFor(db, "steven");
  const result = await activateQuality(db, steven, { qualityId: await qualityId("prestataire-formation"), contactEmail: "formation@apk.be", manager: { kind: "self" } });
  assert.ok(result.ok);
  assert.match(result.senderNumber, /^\d{6}$/);
  assert.notEqual(result.senderNumber, steven.ctx.senderNumber);
  const contexts = (await loadContexts(db, steven.userId))!.contexts;
  const formation = contexts.find((c) => c.qualityCode === "prestataire-formation");
  assert.ok(formation?.chamanAccess, "the new gestionnaire local has Chaman access for the new quality (seed 003 §5)");
  assert.equal(formation.senderNumber, result.senderNumber);
  assert.deepEqual(formation.roles.sort(), ["gestionnaire-local", "responsable-acces"]);
  const [event] = await events("quality.activate");
  assert.equal(event?.enterpriseId, steven.ctx.enterpriseId);
  assert.equal((event?.summary as { after: { senderNumber: string } }).after.senderNumber, result.senderNumber);
  const overview = await listQualities(db, steven);
  assert.ok(overview.ok);
  assert.deepEqual(overview.overview.active.map((q) => q.name.fr), ["Employeur ONSS", "Prestataire de formation"]);
  assert.ok(!overview.overview.available.some((q) => q.name.fr === "Prestataire de formation"));
});

test("seed 003 §5: designating a gestionnaire local by NISS; invalid and unknown NISS are refused clearly (FR, NL)", async () => {
  const steven = await actorFor(db, "steven");
  const formation = await qualityId("prestataire-formation");
  const bad = await activateQuality(db, steven, { qualityId: formation, contactEmail: "f@apk.be", manager: { kind: "designate", niss: "85073003329" } });
  assertRefused(bad, "niss.checksum", "niss");
  const unknown = await activateQuality(db, steven, { qualityId: formation, contactEmail: "f@apk.be", manager: { kind: "designate", niss: "85.07.30-033.28".replace("033.28", "035.26") } });
  assertRefused(unknown, "access.user-unknown", "niss");
  assert.match(messageOf(unknown, "fr"), /Aucun utilisateur n’est enregistré avec le NISS 85\.07\.30-035\.26/);
  assert.match(messageOf(unknown, "nl"), /Er is geen gebruiker geregistreerd met INSZ 85\.07\.30-035\.26/);
  assert.equal((await db.select().from(s.enterpriseQualities)).length, 3, "nothing was activated");

  const ok = await activateQuality(db, steven, { qualityId: formation, contactEmail: "f@apk.be", manager: { kind: "designate", niss: "78.05.12-267.76" } });
  assert.ok(ok.ok);
  assert.equal(ok.manager, "Mery Dubois");
  const mery = (await loadContexts(db, await userId("mery")))!.contexts.find((c) => c.qualityCode === "prestataire-formation");
  assert.ok(mery?.chamanAccess);
  assert.deepEqual(mery.roles, ["gestionnaire-local"]);

  const again = await activateQuality(db, steven, { qualityId: formation, contactEmail: "f@apk.be", manager: { kind: "self" } });
  assertRefused(again, "access.quality-already-active", "qualityId");
  assert.equal(messageOf(again, "fr"), "La qualité « Prestataire de formation » est déjà activée pour votre entreprise.");
  assert.equal(messageOf(again, "nl"), "De hoedanigheid ‘Prestataire de formation’ is al geactiveerd voor uw onderneming.");
});

test("two concurrent activations of the same quality: exactly one sender is created", async () => {
  const steven = await actorFor(db, "steven");
  const formation = await qualityId("prestataire-formation");
  const results = await Promise.all(
    [1, 2, 3].map(() => activateQuality(db, steven, { qualityId: formation, contactEmail: "f@apk.be", manager: { kind: "self" } })),
  );
  assert.equal(results.filter((r) => r.ok).length, 1);
  for (const r of results.filter((r) => !r.ok)) assertRefused(r, "access.quality-already-active");
  assert.equal((await events("quality.activate")).length, 1);
});

test("only the responsable d’accès entité (or a co-responsable) activates qualities and names co-responsables", async () => {
  const formation = await qualityId("prestataire-formation");
  for (const username of ["danny", "ann", "bob", "claire"]) {
    const actor = await actorFor(db, username);
    assertRefused(await activateQuality(db, actor, { qualityId: formation, contactEmail: "x@y.be", manager: { kind: "self" } }), "access.denied");
    assertRefused(await addCoManager(db, actor, { role: "co-responsable-acces", niss: "92010138965" }), "access.denied");
  }
  assert.equal((await db.select().from(s.enterpriseQualities)).length, 3);
  const steven = await actorFor(db, "steven");
  const added = await addCoManager(db, steven, { role: "co-responsable-acces", niss: "92.01.01-389.65" });
  assert.ok(added.ok);
  const ann = await actorFor(db, "ann");
  assert.equal(ann.ctx.canManageQualities, true, "a co-responsable may activate qualities too");
  assertRefused(await addCoManager(db, steven, { role: "co-responsable-acces", niss: "92010138965" }), "access.role-already-assigned", "niss");
  assertRefused(await addCoManager(db, steven, { role: "co-responsable-acces", niss: "85073003328" }), "access.role-already-assigned", "niss");
  const responsables = await loadResponsables(db, steven.ctx);
  assert.deepEqual(responsables.entity, { responsable: ["Steven Peeters"], coResponsables: ["Ann Maes"] });
  assert.equal((await events("role.assign")).length, 1);
});

test("FAQ: danny grants and revokes « Chaman - Gestion des canaux techniques »; bob's access follows at once", async () => {
  const danny = await actorFor(db, "danny");
  const bob = await userId("bob");
  const access = async () => (await loadContexts(db, bob))!.contexts[0]!.chamanAccess;
  assert.equal(await access(), false);
  const granted = await grantChamanRight(db, danny, { userId: bob });
  assert.ok(granted.ok);
  assert.equal(await access(), true);
  const twice = await grantChamanRight(db, danny, { userId: bob });
  assertRefused(twice, "access.already-granted");
  assert.match(messageOf(twice, "fr"), /^Bob Lambert dispose déjà du droit/);
  assert.match(messageOf(twice, "nl"), /^Bob Lambert heeft het recht/);
  const revoked = await revokeChamanRight(db, danny, { userId: bob });
  assert.ok(revoked.ok);
  assert.equal(await access(), false);
  assertRefused(await revokeChamanRight(db, danny, { userId: bob }), "not-found");
  assert.equal((await events("chaman-right.grant")).length, 1);
  const [revokeEvent] = await events("chaman-right.revoke");
  assert.equal(revokeEvent?.actorUserId, danny.userId);
  assert.equal(revokeEvent?.targetId, bob);
});

test("a classic user or a manager of another enterprise changes nothing and learns nothing", async () => {
  const bob = await userId("bob");
  const ann = await actorFor(db, "ann");
  assertRefused(await grantChamanRight(db, ann, { userId: bob }), "access.denied");
  assertRefused(await listMembers(db, ann), "access.denied");
  const claire = await actorFor(db, "claire");
  // claire manages Boulangerie Dupont: APK's bob is not one of her users.
  assertRefused(await grantChamanRight(db, claire, { userId: bob }), "not-found");
  const annId = await userId("ann");
  assertRefused(await revokeChamanRight(db, claire, { userId: annId }), "not-found");
  assertRefused(await grantChamanRight(db, claire, { userId: "00000000-0000-4000-8000-000000000000" }), "not-found");
  assert.equal((await db.select().from(s.chamanRights).where(eq(s.chamanRights.userId, bob))).length, 0);
  assert.equal((await db.select().from(s.chamanRights).where(eq(s.chamanRights.userId, annId))).length, 1);
  const members = await listMembers(db, claire);
  assert.ok(members.ok);
  assert.deepEqual(members.members.map((m) => m.name), ["Claire Dupont"]);
});

test("the users of the enterprise are found by NISS or by name", async () => {
  const danny = await actorFor(db, "danny");
  const byName = await listMembers(db, danny, "lamb");
  assert.ok(byName.ok);
  assert.deepEqual(byName.members.map((m) => m.name), ["Bob Lambert"]);
  const byNiss = await listMembers(db, danny, "92.01.01");
  assert.ok(byNiss.ok);
  assert.deepEqual(byNiss.members.map((m) => [m.name, m.hasRight]), [["Ann Maes", true]]);
  const all = await listMembers(db, danny);
  assert.ok(all.ok);
  assert.equal(all.members.length, 5);
  assert.deepEqual(all.members.find((m) => m.name === "Mery Dubois")?.roles, ["co-gestionnaire-local"]);
});

test("seed 003 §7.1: the gestionnaire local names a co-gestionnaire, who may then grant the right; removal is scoped", async () => {
  const danny = await actorFor(db, "danny");
  const added = await addCoManager(db, danny, { role: "co-gestionnaire-local", niss: "88112341148" });
  assert.ok(added.ok);
  const bobActor = await actorFor(db, "bob");
  assert.equal(bobActor.ctx.canManageRights, true);
  assert.ok((await grantChamanRight(db, bobActor, { userId: await userId("steven") })).ok);
  const managers = await listQualityManagers(db, danny);
  assert.ok(managers.ok);
  const bobRole = managers.managers.find((m) => m.name === "Bob Lambert")!;
  const dannyRole = managers.managers.find((m) => m.name === "Danny Janssens")!;
  const claire = await actorFor(db, "claire");
  assertRefused(await removeCoManager(db, claire, { assignmentId: bobRole.id }), "not-found");
  assertRefused(await removeCoManager(db, danny, { assignmentId: dannyRole.id }), "not-found", undefined);
  assert.ok((await removeCoManager(db, danny, { assignmentId: bobRole.id })).ok);
  assert.equal((await actorFor(db, "bob")).ctx.canManageRights, false);
  const stillThere = await db.select().from(s.roleAssignments).where(and(eq(s.roleAssignments.id, dannyRole.id)));
  assert.equal(stillThere.length, 1, "the gestionnaire local itself cannot be removed as a co-role");
  assert.equal((await events("role.remove")).length, 1);
});

test("« Vos responsables » names the gestionnaire local level and the entity level", async () => {
  const bob = await actorFor(db, "bob");
  assert.deepEqual(await loadResponsables(db, bob.ctx), {
    quality: { local: ["Danny Janssens"], coLocal: ["Mery Dubois"], accessManagers: [] },
    entity: { responsable: ["Steven Peeters"], coResponsables: [] },
  });
});
