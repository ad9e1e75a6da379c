import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBatchFileName } from "./batch-names";
import { checkApplicationCode, checkScope, SCOPE_EXAMPLE } from "./catalogue-codes";

test("application codes: the seeds' codes pass, lower case is upper-cased, anything a file name cannot carry is refused", () => {
  for (const code of ["DMFA", "DB2P", "30BIS", "WECH", "DIMONA"]) assert.deepEqual(checkApplicationCode(code), { ok: true, code });
  assert.deepEqual(checkApplicationCode("  dmfa "), { ok: true, code: "DMFA" });
  assert.deepEqual(checkApplicationCode("   "), { ok: false, code: "applicationCodeRequired" });
  for (const bad of ["DM.FA", "DM FA", "DMFA-2", "É", "A".repeat(21)]) {
    assert.equal(checkApplicationCode(bad).ok, false, bad);
  }
  // Whatever the rule accepts, the sandbox's file-name parser reads back.
  const accepted = checkApplicationCode("a".repeat(20));
  assert.ok(accepted.ok);
  assert.equal(parseBatchFileName(`GO.${accepted.code}.123456.20260101.1.T.1`)?.application, accepted.code);
});

test("scopes: the shape of seed 003, empty means none, others refused with the example", () => {
  for (const scope of [SCOPE_EXAMPLE, "scope:sigedis:gestion:careerpro-federal-learning-account:provider", "scope:onss:dimona"]) {
    assert.deepEqual(checkScope(scope), { ok: true, scope });
  }
  assert.deepEqual(checkScope("  "), { ok: true, scope: null });
  assert.deepEqual(checkScope(` ${SCOPE_EXAMPLE} `), { ok: true, scope: SCOPE_EXAMPLE });
  for (const bad of ["scope:x", "sigedis:gestion:x", "scope:Sigedis:x", "scope:a b:c", "scope:a::b", "scope:a:b-", `scope:a:${"b".repeat(200)}`, "scope:a:b c", 'scope:a:"b"']) {
    const result = checkScope(bad);
    assert.ok(!result.ok && result.code === "scopeShape", bad);
  }
});
