import assert from "node:assert/strict";
import { test } from "node:test";
import { accessFor } from "./access";

test("SPEC §1: a classic user without the right has no Chaman access", () => {
  assert.deepEqual(accessFor([], false), { chamanAccess: false, canManageRights: false, canManageQualities: false });
});

test("SPEC §1: a classic user with « Chaman - Gestion des canaux techniques » has access but manages nothing", () => {
  assert.deepEqual(accessFor([], true), { chamanAccess: true, canManageRights: false, canManageQualities: false });
});

test("SPEC §1: a gestionnaire local has access automatically and manages rights, not qualities", () => {
  for (const role of ["gestionnaire-local", "co-gestionnaire-local", "gestionnaire-acces"] as const) {
    assert.deepEqual(accessFor([role], false), { chamanAccess: true, canManageRights: true, canManageQualities: false });
  }
});

test("SPEC §1: the responsable d’accès entité and co-responsables manage qualities", () => {
  for (const role of ["responsable-acces", "co-responsable-acces"] as const) {
    assert.equal(accessFor([role], false).canManageQualities, true);
  }
});
