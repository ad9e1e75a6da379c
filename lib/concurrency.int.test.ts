// Issue 6: 50 parallel requests at each "only one" rule, on whichever database the run uses
// (PGlite in memory, or PostgreSQL with DATABASE_URL, where they really run at the same time).
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createAccount, type CreateAccountInput } from "@/lib/channels/accounts";
import { deleteRestCertificate, enterpriseParty, uploadCertificate } from "@/lib/channels/certificates";
import { actorFor, certFile, sshPublicKey } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import { findPartialRecords } from "@/lib/db/integrity";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { useFreshDatabase } from "@/lib/db/test-db";
import { deleteDelegatedCertificate } from "@/lib/delegation/certificates";
import { acceptDelegation, refuseDelegation, resendDelegation } from "@/lib/delegation/decisions";
import { requestFromEnterprise } from "@/lib/delegation/requests";
import { makeEnterpriseNumber } from "@/lib/rules/enterprise-number";
import type { ServiceActor, ServiceResult } from "@/lib/services/result";

const PARALLEL = 50;
let db: Db;
let dispose: () => Promise<void>;
let kind: string;

before(async () => {
  const handle = await useFreshDatabase();
  ({ db, dispose, kind } = handle);
});
after(async () => dispose());
beforeEach(async () => resetDemo(db));

function tally(results: ServiceResult[]): { ok: number; codes: Record<string, number> } {
  const codes: Record<string, number> = {};
  for (const r of results) if (!r.ok) codes[r.code] = (codes[r.code] ?? 0) + 1;
  return { ok: results.filter((r) => r.ok).length, codes };
}

async function permissionId(code: string): Promise<number> {
  return (await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, code)))[0]!.id;
}

async function inputFor(type: "FTP" | "SFTP" | "SOAP", i: number, username?: string): Promise<CreateAccountInput> {
  const base = { name: `race ${i}`, certificate: await certFile(db, "globalsign-personalsign3pro"), certificateName: `c${i}` };
  const perms = [await permissionId("batch.dmfa")];
  const login = username ?? `EXPRACE${type}${String(i).padStart(2, "0")}`;
  if (type === "FTP") return { ...base, type, permissionIds: perms, username: login, password: "Race#2026" };
  if (type === "SFTP") return { ...base, type, permissionIds: perms, username: login, sshPublicKey: sshPublicKey() };
  return { ...base, type };
}

for (const type of ["FTP", "SFTP", "SOAP"] as const) {
  test(`SPEC §3: ${PARALLEL} parallel creates of a ${type} account for one sender → exactly one`, async (t) => {
    const danny = await actorFor(db, "danny");
    const inputs = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => inputFor(type, i)));
    const result = tally(await Promise.all(inputs.map((input) => createAccount(db, danny, input))));
    assert.deepEqual(result, { ok: 1, codes: { "account.single-type-exists": PARALLEL - 1 } });
    const rows = await db.select().from(s.accounts).where(and(eq(s.accounts.senderId, danny.ctx.senderId!), eq(s.accounts.type, type)));
    assert.equal(rows.length, 1);
    assert.deepEqual(await findPartialRecords(db), []);
    t.diagnostic(`${kind}: ${PARALLEL} requests fired, 1 account created, ${PARALLEL - 1} refused`);
  });
}

/** Senders of as many enterprises as needed, acting like danny's context but for their own sender. */
async function otherSenders(count: number, like: ServiceActor): Promise<ServiceActor[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const [enterprise] = await db.insert(s.enterprises).values({ number: makeEnterpriseNumber(String(10_000_000 + i).padStart(8, "0")), name: `Race ${i}` }).returning();
      const [eq_] = await db.insert(s.enterpriseQualities).values({ enterpriseId: enterprise!.id, qualityId: like.ctx.qualityId }).returning();
      const [sender] = await db.insert(s.senders).values({ enterpriseQualityId: eq_!.id }).returning();
      return { ...like, ctx: { ...like.ctx, enterpriseId: enterprise!.id, enterpriseQualityId: eq_!.id, senderId: sender!.id, senderNumber: sender!.senderNumber } };
    }),
  );
}

test(`SPEC §4.1: ${PARALLEL} senders racing for the same username (any case) → exactly one gets it`, async (t) => {
  const actors = await otherSenders(PARALLEL, await actorFor(db, "danny"));
  const inputs = await Promise.all(actors.map((_, i) => inputFor("SFTP", i, i % 2 ? "EXPSAMENAME" : "EXPSameName")));
  const result = tally(await Promise.all(actors.map((actor, i) => createAccount(db, actor, inputs[i]!))));
  assert.deepEqual(result, { ok: 1, codes: { "username.taken": PARALLEL - 1 } });
  t.diagnostic(`${kind}: ${PARALLEL} requests fired, 1 username taken, ${PARALLEL - 1} refused`);
});

async function dupontRestWithTwoCertificates(): Promise<{ claire: ServiceActor; accountId: string; certificateIds: string[] }> {
  const claire = await actorFor(db, "claire");
  const [rest] = await db.select({ id: s.accounts.id }).from(s.accounts).where(and(eq(s.accounts.senderId, claire.ctx.senderId!), eq(s.accounts.type, "REST")));
  const party = enterpriseParty(claire);
  assert.ok(party.ok);
  const added = await uploadCertificate(db, party.party, { accountId: rest!.id, certificate: await certFile(db, "self", { keyUsage: ["digitalSignature"] }), certificateName: "second", mode: "add" }, claire.userId);
  assert.ok(added.ok);
  const certificateIds = (await db.select({ id: s.certificates.id }).from(s.certificates).where(eq(s.certificates.accountId, rest!.id))).map((c) => c.id);
  assert.equal(certificateIds.length, 2);
  return { claire, accountId: rest!.id, certificateIds };
}

test(`SPEC §3: ${PARALLEL} parallel deletes of a REST account's last two certificates, from two sessions → exactly one`, async (t) => {
  const { claire, accountId, certificateIds } = await dupontRestWithTwoCertificates();
  const otherSession = { ...claire, ip: "10.1.1.1" };
  const party = (actor: ServiceActor) => {
    const p = enterpriseParty(actor);
    assert.ok(p.ok);
    return p.party;
  };
  const result = tally(
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => deleteRestCertificate(db, party(i % 2 ? claire : otherSession), { accountId, certificateId: certificateIds[i % 2]! }))),
  );
  // The winner's certificate is gone for the others (not found); the survivor is the last one.
  assert.equal(result.ok, 1);
  assert.deepEqual(Object.keys(result.codes).sort(), ["account.last-certificate", "not-found"]);
  assert.equal((result.codes["account.last-certificate"] ?? 0) + (result.codes["not-found"] ?? 0), PARALLEL - 1);
  assert.equal((await db.select().from(s.certificates).where(eq(s.certificates.accountId, accountId))).length, 1);
  t.diagnostic(`${kind}: ${PARALLEL} requests fired, 1 certificate deleted, 1 kept`);
});

test(`SPEC §5: ${PARALLEL} parallel accept / refuse of one request, then ${PARALLEL} deletes by the intermediary → one state, one certificate kept`, async (t) => {
  const { claire, accountId, certificateIds } = await dupontRestWithTwoCertificates();
  const ivan = await actorFor(db, "ivan");
  const requested = await requestFromEnterprise(db, claire, { accountId, intermediaryNumber: "0456789034" });
  assert.ok(requested.ok);
  const [delegation] = await db.select({ id: s.delegations.id }).from(s.delegations);
  const decisions = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) => (i % 2 ? acceptDelegation : refuseDelegation)(db, ivan, { delegationId: delegation!.id })),
  );
  assert.equal(decisions.filter((d) => d.ok).length, 1);
  const [row] = await db.select().from(s.delegations);
  const [account] = await db.select({ management: s.accounts.certificateManagement }).from(s.accounts).where(eq(s.accounts.id, accountId));
  assert.equal(account?.management, row?.status === "accepted" ? "intermediary" : "internal");
  const events = await db.select({ action: s.auditEvents.action }).from(s.auditEvents);
  assert.equal(events.filter((e) => e.action === "delegation.accept" || e.action === "delegation.refuse").length, 1);
  t.diagnostic(`${kind}: ${PARALLEL} decisions fired, 1 applied (${row?.status})`);
  if (row?.status !== "accepted") {
    assert.ok((await resendDelegation(db, claire, { delegationId: delegation!.id })).ok);
    assert.ok((await acceptDelegation(db, ivan, { delegationId: delegation!.id })).ok);
  }
  const deletes = tally(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => deleteDelegatedCertificate(db, ivan, { accountId, certificateId: certificateIds[i % 2]! }))));
  assert.equal(deletes.ok, 1);
  assert.equal((await db.select().from(s.certificates).where(eq(s.certificates.accountId, accountId))).length, 1);
});
