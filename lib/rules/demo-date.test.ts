import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDemoDate, demoDateRange } from "./demo-date";

// Issue 17 QA: the demonstration date is bounded to the real today − 5 years … + 20 years.
const realNow = new Date("2026-11-30T10:00:00Z");

test("the range runs from 5 years back to 10 years ahead of the real Brussels day, bounds included", () => {
  assert.deepEqual(demoDateRange(realNow), { min: "2021-11-30", max: "2046-11-30" });
  assert.deepEqual(checkDemoDate("2021-11-30", realNow), { ok: true, date: new Date("2021-11-30T12:00:00Z") });
  assert.deepEqual(checkDemoDate("2046-11-30", realNow), { ok: true, date: new Date("2046-11-30T12:00:00Z") });
  assert.deepEqual(checkDemoDate(" ", realNow), { ok: true, date: null });
  // 23:30 UTC on 31 December is already 1 January in Brussels.
  assert.deepEqual(demoDateRange(new Date("2026-12-31T23:30:00Z")), { min: "2022-01-01", max: "2047-01-01" });
  assert.deepEqual(demoDateRange(new Date("2028-02-29T10:00:00Z")), { min: "2023-02-28", max: "2048-02-29" });
});

test("outside the range or not a day: refused with the range or the shape", () => {
  for (const day of ["2021-11-29", "2046-12-01", "9999-12-31", "0001-01-01"]) {
    assert.deepEqual(checkDemoDate(day, realNow), { ok: false, code: "outOfRange", params: { min: "2021-11-30", max: "2046-11-30" } }, day);
  }
  for (const bad of ["2027-02-30", "2027-13-01", "30/11/2026", "+012026-01-01", "2026-1-1"]) {
    assert.deepEqual(checkDemoDate(bad, realNow), { ok: false, code: "dateShape" }, bad);
  }
});
