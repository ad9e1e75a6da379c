import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkEnterpriseNumber, normalizeEnterpriseNumber } from "./enterprise-number";
import { checkNiss, normalizeNiss } from "./niss";
import { ENTERPRISE_NUMBER_PLACEHOLDER, NISS_PLACEHOLDER } from "./placeholders";

// Issue 13: placeholders teach the shape without pointing at a real (demo) person or enterprise.
const demoSeed = readFileSync("lib/db/seed/demo.ts", "utf8");

test("the NISS placeholder is valid and no demo person's", () => {
  assert.equal(checkNiss(NISS_PLACEHOLDER).ok, true);
  assert.equal(demoSeed.includes(normalizeNiss(NISS_PLACEHOLDER)), false);
  assert.equal(demoSeed.includes(NISS_PLACEHOLDER), false);
});

test("the enterprise number placeholder is valid and no demo enterprise's", () => {
  assert.equal(checkEnterpriseNumber(ENTERPRISE_NUMBER_PLACEHOLDER).ok, true);
  assert.equal(demoSeed.includes(normalizeEnterpriseNumber(ENTERPRISE_NUMBER_PLACEHOLDER)), false);
  assert.equal(demoSeed.includes(ENTERPRISE_NUMBER_PLACEHOLDER), false);
});
