import assert from "node:assert/strict";
import { describe, it as test } from "node:test";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { oauthUrls } from "@/lib/oauth/config";
import { createRestClient, makeAssertion, tokenForm } from "@/lib/oauth/test-support";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";
import { parseBatchFileName } from "@/lib/rules/batch-names";
import { loginWithPassword } from "@/lib/transfer/auth";
import { closeDeclaration } from "@/lib/transfer/declarations";
import { transferStorage } from "@/lib/transfer/storage";
import { createSender, withTransferWorld } from "@/lib/transfer/testing/world";
import type { AdminActor } from "./admins";
import { listQualities, setApplicationCode, setPermissionScopes } from "./catalogue-codes";
import { listAdminJournal } from "./journal";

// Issue 17: editing a permission's application code and OAuth scopes; the batch sandbox and the token
// endpoint read the catalogue, so they follow at once (PGlite, or PostgreSQL with DATABASE_URL).

let db: Db;

const admin: AdminActor = { userId: null, label: "Test Admin", ip: "127.0.0.1" };
const EMPLOYER = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
const idOf = async (code: string) => (await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, code)))[0]!.id;

describe("catalogue codes (issue 17)", () => {
  withTransferWorld((world) => {
    db = world.db;
  });

  test("application code: checked, unique (also concurrently), journaled; the batch sandbox accepts the new code and no longer knows the old one", async () => {
    const dmfa = await idOf("batch.dmfa");
    const fla = await idOf("ws.careerpro-fla");
    assert.deepEqual(await setApplicationCode(db, admin, dmfa, " "), { ok: false, key: "admin-changes.errors.applicationCodeRequired", params: undefined });
    assert.equal((await setApplicationCode(db, admin, dmfa, "DM.FA")).ok, false);
    assert.deepEqual(await setApplicationCode(db, admin, fla, "FLA"), { ok: false, key: "errors.not-found" }, "web-service permissions have no application code");
    assert.deepEqual(await setApplicationCode(db, admin, dmfa, "DIMONA"), { ok: false, key: "admin-changes.errors.applicationCodeTaken", params: { code: "DIMONA" } });
    assert.deepEqual(await setApplicationCode(db, admin, dmfa, "dmfa"), { ok: true, code: "DMFA", changed: false });
    const both = await Promise.all([await idOf("batch.drs"), await idOf("batch.dimona")].map((id) => setApplicationCode(db, admin, id, "SAME1")));
    assert.deepEqual(both.map((r) => (r.ok ? "ok" : r.key)).sort(), ["admin-changes.errors.applicationCodeTaken", "ok"]);

    const sender = await createSender(db, "ivan", "FTP", "EXPIVANCODE");
    const login = await loginWithPassword(sender.username, sender.password ?? "", "127.0.0.1");
    assert.ok(login.ok);
    assert.deepEqual(await setApplicationCode(db, admin, dmfa, "dmfa2"), { ok: true, code: "DMFA2", changed: true });
    const storage = transferStorage();
    const close = async (application: string, sequence: number) => {
      const stem = `${application}.${sender.senderNumber}.20260107.${sequence}.T`;
      await storage.put(login.account.senderId, "INTEST", `FI.${stem}.1.1`, new Uint8Array(Buffer.from("<x/>")));
      const go = parseBatchFileName(`GO.${stem}.1`);
      if (go?.kind !== "GO") throw new Error("GO name");
      return closeDeclaration(login.account, "INTEST", go, `GO.${stem}.1`, "127.0.0.1");
    };
    const old = await close("DMFA", 1);
    assert.ok(old.state === "refused" && old.reasons.some((r) => r.code === "name.application-unknown"));
    const renamed = await close("DMFA2", 2);
    assert.ok(renamed.state === "refused" || renamed.state === "accepted");
    assert.ok(!renamed.reasons.some((r) => r.code.startsWith("name.application")), JSON.stringify(renamed.reasons));

    const entries = (await listAdminJournal(db)).filter((e) => e.action === "admin.catalogue.application-code");
    assert.equal(entries.length, 2, "the concurrent winner and DMFA2; refusals and no-ops are not journaled");
    assert.deepEqual([entries[0]!.summary?.before, entries[0]!.summary?.after], [{ applicationCode: "DMFA" }, { applicationCode: "DMFA2" }]);
  });

  test("scopes per quality: checked, one name per quality, journaled by quality code; the token endpoint grants the new name and refuses the old one", async () => {
    const fla = await idOf("ws.careerpro-fla");
    const dimona = await idOf("ws.dimona-consult");
    const qualities = await listQualities(db);
    const employer = qualities.find((q) => q.code === "employeur-onss")!.id;
    const provider = qualities.find((q) => q.code === "prestataire-services")!.id;
    assert.equal((await setPermissionScopes(db, admin, fla, new Map([[employer, "scope:Bad Name"]]))).ok, false);
    assert.deepEqual(await setPermissionScopes(db, admin, await idOf("batch.dmfa"), new Map([[employer, EMPLOYER]])), { ok: false, key: "errors.not-found" });
    assert.deepEqual(await setPermissionScopes(db, admin, fla, new Map([[999_999, EMPLOYER]])), { ok: false, key: "errors.input.invalid" });
    const taken = await setPermissionScopes(db, admin, dimona, new Map([[employer, EMPLOYER]]));
    assert.ok(!taken.ok && taken.key === "admin-changes.errors.scopeTaken" && taken.params?.code === "ws.careerpro-fla");
    assert.deepEqual(await setPermissionScopes(db, admin, fla, new Map([[employer, ` ${EMPLOYER} `]])), { ok: true, changed: false });

    const urls = oauthUrls("https://chaman.example.test");
    const client = await createRestClient(db);
    let n = 0;
    const token = async (scope: string) => handleTokenRequest(db, urls, { params: tokenForm(await makeAssertion(urls, client.clientId, client.cert.privateKeyPem), { scope }), authorization: null, ip: `10.9.0.${++n}` });
    assert.ok((await token(EMPLOYER)).ok);

    const renamed = "scope:sigedis:gestion:careerpro-federal-learning-account:employer-v2";
    // Only the employer quality changes; the provider's scope stays; the dimona permission gains one for providers.
    assert.deepEqual(await setPermissionScopes(db, admin, fla, new Map([[employer, renamed]])), { ok: true, changed: true });
    assert.deepEqual(await setPermissionScopes(db, admin, dimona, new Map([[provider, "scope:onss:dimona:consult"], [employer, ""]])), { ok: true, changed: true });
    const refused = await token(EMPLOYER);
    assert.ok(!refused.ok && refused.error.reason === "scope.unknown", JSON.stringify(refused));
    const granted = await token(renamed);
    assert.ok(granted.ok && granted.body.scope === renamed);

    const rows = await db.select().from(s.oauthScopes).where(eq(s.oauthScopes.permissionId, fla));
    assert.equal(rows.length, 4, "the other qualities keep their scope");
    const entries = (await listAdminJournal(db)).filter((e) => e.action === "admin.catalogue.scopes");
    assert.equal(entries.length, 2);
    const flaEntry = entries.find((e) => e.target === "ws.careerpro-fla")!;
    assert.equal((flaEntry.summary?.before as { scopes: Record<string, string> }).scopes["employeur-onss"], EMPLOYER);
    assert.equal((flaEntry.summary?.after as { scopes: Record<string, string> }).scopes["employeur-onss"], renamed);
    assert.equal((flaEntry.summary?.after as { scopes: Record<string, string> }).scopes["prestataire-services"], "scope:sigedis:gestion:careerpro-federal-learning-account:provider");
  });
});
