import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { useFreshDatabase } from "@/lib/db/test-db";
import { resetDemo } from "@/lib/db/seed/reset";
import { seedDemo } from "@/lib/db/seed/demo";
import * as s from "@/lib/db/schema";
import { CLIENT_ID_PATTERN } from "@/lib/rules/client-id";
import { createAccount, createAccountFieldProblems, type CreateAccountInput } from "./accounts";
import { deleteAccount, renameAccount, updateCredentials, updatePermissions } from "./account-edits";
import { getAccountDetail, listAccounts, technicalUsername } from "./queries";
import type { ServiceActor } from "./service";
import { actorFor, certFile, sshPublicKey } from "./test-support";

let db: Db;
let dispose: () => Promise<void>;
let danny: ServiceActor;
let perm: (code: string) => Promise<number>;

before(async () => {
  const handle = await useFreshDatabase();
  db = handle.db;
  dispose = handle.dispose;
  await seedDemo(db);
  perm = async (code) => (await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, code)))[0]!.id;
});
after(async () => dispose());
beforeEach(async () => {
  await resetDemo(db);
  danny = await actorFor(db, "danny");
});

async function ftpInput(overrides: Partial<Extract<CreateAccountInput, { type: "FTP" }>> = {}): Promise<CreateAccountInput> {
  return {
    type: "FTP", name: "WK23FTP", permissionIds: [await perm("batch.pension-preload")], certificate: await certFile(db, "eid"),
    certificateName: "certwk23", username: "EXPWK23FTP", password: "Secret#12", ...overrides,
  };
}
const accountsOf = async (actor: ServiceActor) => listAccounts(db, actor.ctx.senderId!);

describe("createAccount (SPEC §3, §4)", () => {
  test("danny creates one account of each type; REST gets a Client ID", async () => {
    const ftp = await createAccount(db, danny, await ftpInput());
    assert.equal(ftp.ok, true);
    const sftp = await createAccount(db, danny, {
      type: "SFTP", name: "WK23SFTP", permissionIds: [await perm("batch.dmfa")], certificate: await certFile(db, "globalsign-personalsign3pro"),
      certificateName: "certsftp", username: "EXPWK23SFTP", sshPublicKey: sshPublicKey(),
    });
    assert.equal(sftp.ok, true);
    const soap = await createAccount(db, danny, { type: "SOAP", name: "WKSOAP", certificate: await certFile(db, "globalsign-personalsign3pro"), certificateName: "Certificate-wk" });
    assert.equal(soap.ok, true);
    const rest = await createAccount(db, danny, { type: "REST", name: "My REST Account", permissionIds: [await perm("ws.wita-amateur")], certificate: await certFile(db, "self"), certificateName: "certftest" });
    assert.equal(rest.ok, true);
    const list = await accountsOf(danny);
    assert.deepEqual(list.map((a) => a.type), ["FTP", "SFTP", "SOAP", "REST"]);
    const restRow = list.find((a) => a.type === "REST")!;
    assert.match(restRow.clientId ?? "", CLIENT_ID_PATTERN);
    assert.ok(restRow.clientId?.includes(`_${danny.ctx.senderNumber}_`));
    const sftpDetail = await getAccountDetail(db, danny.ctx.senderId!, sftp.ok ? sftp.accountId : "", "fr");
    assert.equal(sftpDetail?.sshKeyBits, 2048);
    assert.match(sftpDetail?.sshFingerprint ?? "", /^SHA256:/);
  });

  test("the home list: the FTP/SFTP username to propose, each account's soonest certificate expiry, none for a delegated one", async () => {
    assert.equal(technicalUsername(await accountsOf(danny)), null);
    const rest = await createAccount(db, danny, { type: "REST", name: "R1", permissionIds: [await perm("ws.wita-amateur")], certificate: await certFile(db, "self"), certificateName: "c1" });
    assert.equal(rest.ok, true);
    const ftp = await createAccount(db, danny, await ftpInput());
    assert.equal(ftp.ok, true);
    const list = await accountsOf(danny);
    assert.equal(technicalUsername(list), "EXPWK23FTP");
    for (const account of list) {
      const stored = await db.select({ notAfter: s.certificates.notAfter }).from(s.certificates).where(eq(s.certificates.accountId, account.id));
      const soonest = Math.min(...stored.map((c) => c.notAfter.getTime()));
      assert.ok(account.soonestNotAfter instanceof Date, `${account.name} ${typeof account.soonestNotAfter} ${String(account.soonestNotAfter)} ${stored.length}`);
      assert.equal(account.soonestNotAfter.getTime(), soonest, account.name);
    }
    const restId = rest.ok ? rest.accountId : "";
    await db.update(s.accounts).set({ certificateManagement: "intermediary" }).where(eq(s.accounts.id, restId));
    assert.equal((await accountsOf(danny)).find((a) => a.id === restId)?.soonestNotAfter, null);
  });

  test("a second FTP account is refused, nothing is written", async () => {
    assert.equal((await createAccount(db, danny, await ftpInput())).ok, true);
    const second = await createAccount(db, danny, await ftpInput({ username: "EXPOTHER1", name: "Other" }));
    assert.deepEqual(second, { ok: false, code: "account.single-type-exists", params: { type: "FTP" } });
    assert.equal((await accountsOf(danny)).length, 1);
  });

  test("REST accounts are not limited", async () => {
    for (const name of ["A", "B", "C"]) {
      const r = await createAccount(db, danny, { type: "REST", name, permissionIds: [await perm("ws.wita-amateur")], certificate: await certFile(db, "other"), certificateName: name });
      assert.equal(r.ok, true, name);
    }
    assert.equal((await accountsOf(danny)).length, 3);
  });

  test("every rule failure is reported at its field and nothing is saved", async () => {
    const eventsBefore = (await db.select().from(s.auditEvents)).length;
    const r = await createAccount(db, danny, await ftpInput({ username: "EXP 1", password: "abc", permissionIds: [], certificate: await certFile(db, "self") }));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.fields?.map((f) => [f.field, f.code]),
      [["username", "username.charset"], ["password", "password.non-letters"], ["permissions", "account.permissions-required"], ["certificate", "cert.self-signed-not-allowed"]],
    );
    assert.equal((await accountsOf(danny)).length, 0);
    // The audit trail is append-only and survives resets: compare counts.
    assert.equal((await db.select().from(s.auditEvents)).length, eventsBefore);
  });

  test("issue 13: with a field missing, the present fields' rule problems still come (all errors at once), only those", async () => {
    const problems = await createAccountFieldProblems(db, danny, { type: "REST", permissionIds: [], certificate: await certFile(db, "self") });
    assert.deepEqual(problems.map((p) => [p.field, p.code]), [["permissions", "account.permissions-required"]]);
    const ftp = await createAccountFieldProblems(db, danny, { type: "FTP", username: "EXP 1", password: undefined, permissionIds: undefined, certificate: undefined });
    assert.deepEqual(ftp.map((p) => [p.field, p.code]), [["username", "username.charset"]]);
    assert.equal((await accountsOf(danny)).length, 0);
  });

  test("a web-service permission on an FTP account is refused", async () => {
    const r = await createAccount(db, danny, await ftpInput({ permissionIds: [await perm("ws.wita-amateur")] }));
    assert.equal(r.ok ? "ok" : `${r.field}:${r.code}`, "permissions:input.invalid");
  });

  test("SOAP refuses an eID certificate, SFTP refuses a private key pasted as SSH key", async () => {
    const soap = await createAccount(db, danny, { type: "SOAP", name: "S", certificate: await certFile(db, "eid"), certificateName: "c" });
    assert.equal(soap.ok ? "ok" : soap.code, "cert.issuer-not-allowed");
    const sftp = await createAccount(db, danny, {
      type: "SFTP", name: "S", permissionIds: [await perm("batch.dmfa")], certificate: await certFile(db, "eid"), certificateName: "c",
      username: "EXPSFTP01", sshPublicKey: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
    });
    assert.equal(sftp.ok ? "ok" : `${sftp.field}:${sftp.code}`, "sshPublicKey:ssh.private-key");
  });

  test("SPEC §4.1: a username used by another sender is refused, case-insensitively", async () => {
    const r = await createAccount(db, danny, await ftpInput({ username: "EXPdupont1" }));
    assert.equal(r.ok ? "ok" : `${r.field}:${r.code}`, "username:username.taken");
  });

  test("issue 12 / seed 001 §2.4: the sender's SFTP account keeps its FTP username; other senders still get username.taken", async () => {
    assert.ok((await createAccount(db, danny, await ftpInput({ username: "EXPSHARED01" }))).ok);
    const sftpInput = async (username: string): Promise<CreateAccountInput> => ({
      type: "SFTP", name: "Shared SFTP", permissionIds: [await perm("batch.dmfa")], certificate: await certFile(db, "eid"), certificateName: "c", username, sshPublicKey: sshPublicKey(),
    });
    const own = await createAccount(db, danny, await sftpInput("EXPshared01"));
    assert.equal(own.ok ? "ok" : `${own.field}:${own.code}`, "ok");
    const rows = await db.select({ type: s.accounts.type }).from(s.accounts).where(eq(s.accounts.usernameNormalized, "EXPSHARED01"));
    assert.deepEqual(rows.map((r) => r.type).sort(), ["FTP", "SFTP"]);
    // Another sender (claire's Dupont holds EXPDUPONT1) cannot take danny's username, nor danny Dupont's.
    const claire = await actorFor(db, "claire");
    const other = await createAccount(db, claire, await sftpInput("EXPSHARED01"));
    assert.equal(other.ok ? "ok" : `${other.field}:${other.code}`, "username:username.taken");
    const theirs = await createAccount(db, danny, await sftpInput("EXPDUPONT1"));
    assert.equal(theirs.ok ? "ok" : `${theirs.field}:${theirs.code}`, "username:username.taken");
  });

  test("issue 12: the database refuses an account whose username another sender holds (no service check)", async () => {
    const [dupont] = await db.select({ senderId: s.technicalUsernames.senderId }).from(s.technicalUsernames).where(eq(s.technicalUsernames.usernameNormalized, "EXPDUPONT1"));
    assert.ok(dupont && dupont.senderId !== danny.ctx.senderId);
    await assert.rejects(
      db.insert(s.accounts).values({ senderId: danny.ctx.senderId!, type: "SFTP", name: "x", username: "EXPDUPONT1", usernameNormalized: "EXPDUPONT1" }),
      (error: unknown) => JSON.stringify(error, Object.getOwnPropertyNames(error)).includes("accounts_username_owner_fk") || String((error as { cause?: unknown }).cause).includes("accounts_username_owner_fk"),
    );
  });

  test("the audit records the creation without the password or its hash", async () => {
    const r = await createAccount(db, danny, await ftpInput());
    assert.ok(r.ok);
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "account.create"), eq(s.auditEvents.targetId, r.accountId)));
    assert.ok(event);
    assert.equal(event.senderId, danny.ctx.senderId);
    const text = JSON.stringify(event.summary);
    assert.ok(text.includes("EXPWK23FTP"));
    assert.ok(!text.includes("Secret#12") && !text.includes("argon2"));
  });
});

describe("authorization", () => {
  test("ann (with the right) may create, bob (without) is refused", async () => {
    const ann = await actorFor(db, "ann");
    assert.equal((await createAccount(db, ann, await ftpInput())).ok, true);
    const bob = await actorFor(db, "bob");
    assert.deepEqual(await createAccount(db, bob, await ftpInput({ username: "EXPBOB0001" })), { ok: false, code: "access.denied" });
    assert.deepEqual(await deleteAccount(db, bob, { accountId: (await accountsOf(ann))[0]!.id }), { ok: false, code: "access.denied" });
  });

  test("claire cannot see nor touch APK's accounts: not-found", async () => {
    const created = await createAccount(db, danny, await ftpInput());
    assert.ok(created.ok);
    const claire = await actorFor(db, "claire");
    const id = created.accountId;
    assert.equal(await getAccountDetail(db, claire.ctx.senderId!, id, "fr"), null);
    for (const result of [
      await renameAccount(db, claire, { accountId: id, name: "hacked" }),
      await updatePermissions(db, claire, { accountId: id, permissionIds: [await perm("batch.dmfa")] }),
      await updateCredentials(db, claire, { accountId: id, username: "EXPHACKED1", password: "ab12" }),
      await deleteAccount(db, claire, { accountId: id }),
    ]) {
      assert.deepEqual(result, { ok: false, code: "not-found" });
    }
    const detail = await getAccountDetail(db, danny.ctx.senderId!, id, "fr");
    assert.equal(detail?.name, "WK23FTP");
    assert.equal(detail?.username, "EXPWK23FTP");
  });
});

describe("edits", () => {
  test("rename, permissions (≥ 1), credentials, delete — each audited", async () => {
    const created = await createAccount(db, danny, await ftpInput());
    assert.ok(created.ok);
    const id = created.accountId;
    assert.equal((await renameAccount(db, danny, { accountId: id, name: "Renamed" })).ok, true);
    assert.deepEqual(await updatePermissions(db, danny, { accountId: id, permissionIds: [] }), { ok: false, code: "account.permissions-required", field: "permissions" });
    assert.equal((await updatePermissions(db, danny, { accountId: id, permissionIds: [await perm("batch.dmfa"), await perm("batch.drs")] })).ok, true);
    const badPw = await updateCredentials(db, danny, { accountId: id, username: "EXPWK23FTP", password: "a b12" });
    assert.equal(badPw.ok ? "ok" : `${badPw.field}:${badPw.code}`, "password:password.charset");
    const taken = await updateCredentials(db, danny, { accountId: id, username: "EXPDUPONT1", password: "new#pw1" });
    assert.equal(taken.ok ? "ok" : taken.code, "username.taken");
    // The account's own username (other case) is not "taken".
    assert.equal((await updateCredentials(db, danny, { accountId: id, username: "EXPwk23ftp", password: "new#pw1" })).ok, true);
    const sshOnFtp = await updateCredentials(db, danny, { accountId: id, username: "EXPWK23FTP", sshPublicKey: sshPublicKey() });
    assert.equal(sshOnFtp.ok ? "ok" : sshOnFtp.code, "input.invalid");
    const detail = await getAccountDetail(db, danny.ctx.senderId!, id, "fr");
    assert.equal(detail?.name, "Renamed");
    assert.equal(detail?.username, "EXPwk23ftp");
    assert.deepEqual(detail?.permissions.map((p) => p.name), ["DmfA", "DRS - Déclaration de risque social"]);
    assert.equal((await deleteAccount(db, danny, { accountId: id })).ok, true);
    assert.equal((await accountsOf(danny)).length, 0);
    const actions = (await db.select({ action: s.auditEvents.action }).from(s.auditEvents).where(eq(s.auditEvents.targetId, id))).map((e) => e.action);
    assert.deepEqual(actions.sort(), ["account.create", "account.credentials", "account.delete", "account.permissions", "account.rename"]);
    // Certificates and permissions went with the account.
    assert.equal((await db.select().from(s.certificates).where(eq(s.certificates.accountId, id))).length, 0);
  });
});

describe("concurrency (SPEC §3: enforced by the database)", () => {
  test("20 parallel creates of an FTP account: exactly one succeeds", async () => {
    const inputs = await Promise.all(Array.from({ length: 20 }, async (_, i) => ftpInput({ username: `EXPRACE${String(i).padStart(3, "0")}`, name: `race ${i}` })));
    const results = await Promise.all(inputs.map((input) => createAccount(db, danny, input)));
    assert.equal(results.filter((r) => r.ok).length, 1);
    for (const r of results.filter((r) => !r.ok)) assert.equal(r.ok ? "" : r.code, "account.single-type-exists");
    const rows = await db.select().from(s.accounts).where(and(eq(s.accounts.senderId, danny.ctx.senderId!), inArray(s.accounts.type, ["FTP"])));
    assert.equal(rows.length, 1);
  });

  test("two senders racing for the same username: exactly one gets it", async () => {
    const claire = await actorFor(db, "claire");
    const results = await Promise.all([
      createAccount(db, danny, await ftpInput({ username: "EXPSAME001" })),
      createAccount(db, claire, {
        type: "SFTP", name: "x", permissionIds: [await perm("batch.dmfa")], certificate: await certFile(db, "eid"), certificateName: "c",
        username: "EXPsame001", sshPublicKey: sshPublicKey(),
      }),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
    const failed = results.find((r) => !r.ok);
    assert.equal(failed && !failed.ok ? failed.code : "", "username.taken");
  });
});
