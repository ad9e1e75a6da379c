import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { updatePermissions } from "@/lib/channels/account-edits";
import { listPermissionOptions, resolvePermissions } from "@/lib/channels/permissions";
import { getAccountDetail } from "@/lib/channels/queries";
import { actorFor } from "@/lib/channels/test-support";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import type { AdminActor } from "./admins";
import { addPermission, listCatalogue, renamePermission, retirePermission } from "./catalogue";
import { listAdminJournal } from "./journal";

// Issue 17: the permission catalogue services (PGlite, or PostgreSQL with DATABASE_URL).

let db: Db;
withDemoDatabase((ready) => (db = ready));

const admin: AdminActor = { userId: null, label: "Test Admin", ip: "127.0.0.1" };
const names = { nameFr: "Nouvelle appli", nameNl: "Nieuwe app", nameEn: "New app", nameDe: "Neue App" };
const idOf = async (code: string) => (await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, code)))[0]!.id;

test("add: a new code is offered at the end of its kind; the same code twice is refused, also concurrently", async () => {
  const both = await Promise.all([1, 2].map(() => addPermission(db, admin, { kind: "batch", slug: "new-app", ...names })));
  assert.deepEqual(both.map((r) => (r.ok ? r.code : r.key)).sort(), ["admin.errors.codeTaken", "batch.new-app"]);
  const options = await listPermissionOptions(db, "batch", "nl");
  assert.equal(options.at(-1)?.name, "Nieuwe app");
  assert.equal((await listAdminJournal(db)).filter((e) => e.action === "admin.catalogue.add").length, 1);
});

test("rename: the new labels show at once in each language; journaled before → after", async () => {
  const id = await idOf("batch.dmfa");
  assert.deepEqual(await renamePermission(db, admin, 999_999, names), { ok: false, key: "errors.not-found" });
  assert.ok((await renamePermission(db, admin, id, { nameFr: "DmfA", nameNl: "DmfA-aangifte", nameEn: "DmfA", nameDe: "DmfA" })).ok);
  const nl = await listPermissionOptions(db, "batch", "nl");
  assert.ok(nl.some((o) => o.id === id && o.name === "DmfA-aangifte"));
  const entry = (await listAdminJournal(db)).find((e) => e.action === "admin.catalogue.rename")!;
  assert.equal((entry.summary?.before as { nameNl: string }).nameNl, "DmfA");
  assert.equal((entry.summary?.after as { nameNl: string }).nameNl, "DmfA-aangifte");
});

test("retire: not offered nor accepted any more, kept (marked) on the accounts holding it, even after their permissions are edited", async () => {
  const dimona = await idOf("batch.dimona");
  const dmfa = await idOf("batch.dmfa");
  assert.ok((await retirePermission(db, admin, dimona)).ok);
  assert.deepEqual(await retirePermission(db, admin, dimona), { ok: false, key: "errors.not-found" });
  assert.ok(!(await listPermissionOptions(db, "batch", "fr")).some((o) => o.id === dimona));
  assert.deepEqual(await resolvePermissions(db, "FTP", [dimona]), { ok: false, code: "input.invalid", field: "permissions" });
  const claire = await actorFor(db, "claire");
  const [ftp] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.type, "FTP"));
  const detail = await getAccountDetail(db, claire.ctx.senderId!, ftp!.id, "fr");
  assert.deepEqual(detail?.permissions.map((p) => [p.id, p.retired]).sort(), [[dmfa, false], [dimona, true]].sort());
  assert.ok((await updatePermissions(db, claire, { accountId: ftp!.id, permissionIds: [dmfa] })).ok);
  const after = await getAccountDetail(db, claire.ctx.senderId!, ftp!.id, "fr");
  assert.deepEqual(after?.permissions.map((p) => p.id).sort(), [dmfa, dimona].sort(), "the retired permission stays");
  const listed = (await listCatalogue(db)).find((e) => e.id === dimona)!;
  assert.deepEqual([listed.active, listed.holders], [false, 1]);
});
