// Issue 14: `chaman check assertion` prints the checker's lines as JSON and never spends the jti.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Db } from "@/lib/db/client";
import { withDemoDatabase } from "@/lib/db/test-db";
import { oauthUrls } from "@/lib/oauth/config";
import { isJtiUsed } from "@/lib/oauth/replay";
import { createRestClient, makeAssertion } from "@/lib/oauth/test-support";
import { runCheckAssertion } from "./oauth";

let db: Db;
withDemoDatabase((ready) => (db = ready));

async function run(args: string[]): Promise<{ code: number; json: { ok: boolean; lines: Array<{ rule: string; status: string; reason?: string; description?: string }> } }> {
  let out = "";
  const code = await runCheckAssertion(args, (text) => (out += text));
  return { code, json: JSON.parse(out) };
}

test("a good assertion: exit 0, every line ok, the jti still unused; a wrong aud: exit 1 with the reason and the fix", async () => {
  const client = await createRestClient(db);
  const urls = oauthUrls();
  const good = await makeAssertion(urls, client.clientId, client.cert.privateKeyPem, { claims: { jti: "cli-jti-1" } });
  const ok = await run([good]);
  assert.equal(ok.code, 0);
  assert.ok(ok.json.lines.every((l) => l.status === "ok"));
  assert.equal(await isJtiUsed(db, client.clientId, "cli-jti-1"), false);

  const bad = await run([await makeAssertion(urls, client.clientId, client.cert.privateKeyPem, { claims: { aud: "https://wrong.test" } })]);
  assert.equal(bad.code, 1);
  const line = bad.json.lines.find((l) => l.rule === "aud");
  assert.equal(line?.reason, "assertion.aud");
  assert.ok(line?.description?.includes(`expected the token endpoint URL ${urls.tokenEndpoint}`), line?.description);
  assert.equal((await run([])).code, 2);
});
