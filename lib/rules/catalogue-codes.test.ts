import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBatchFileName } from "./batch-names";
import { checkApplicationCode, checkPermissionCode, checkScope, SCOPE_EXAMPLE } from "./catalogue-codes";

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
  for (const bad of ["scope:x", "sigedis:gestion:x", "scope:Sigedis:x", "scope:a b:c", "scope:a::b", "scope:a:b-", "scope:a:b c", 'scope:a:"b"']) {
    const result = checkScope(bad);
    assert.ok(!result.ok && result.code === "scopeShape", bad);
  }
});

test("too long is said as such, with the maximum and the length, before the shape (QA: « Valeur non valable »)", () => {
  assert.deepEqual(checkScope(`scope:a:${"b".repeat(2992)}`), { ok: false, code: "scopeTooLong", params: { max: 200, found: 3000 } });
  assert.deepEqual(checkScope(`scope:a:${"b".repeat(192)}`).ok, true, "200 characters exactly");
  assert.deepEqual(checkApplicationCode("A".repeat(21)), { ok: false, code: "applicationCodeTooLong", params: { max: 20, found: 21 } });
});

test("a new permission's code: lower-case letters, digits and hyphens, 2 to 41, each refusal its own code", () => {
  for (const slug of ["dimona-consult", "a1", "x".repeat(41)]) assert.deepEqual(checkPermissionCode(slug), { ok: true, slug });
  assert.deepEqual(checkPermissionCode("  dmfa "), { ok: true, slug: "dmfa" });
  assert.deepEqual(checkPermissionCode(" "), { ok: false, code: "permissionCodeRequired" });
  assert.deepEqual(checkPermissionCode("x".repeat(42)), { ok: false, code: "permissionCodeTooLong", params: { max: 41, found: 42 } });
  for (const bad of ["Mon Code!", "DMFA", "-dmfa", "é", "a", "a.b", "a_b"]) {
    assert.deepEqual(checkPermissionCode(bad), { ok: false, code: "permissionCodeShape", params: { found: bad } }, bad);
  }
});
