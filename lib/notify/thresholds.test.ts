import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { daysUntil, expiryPlan } from "./thresholds";

describe("daysUntil (Belgian calendar days)", () => {
  it("is 0 on the expiry day, whatever the hour", () => {
    assert.equal(daysUntil(new Date("2027-03-10T22:30:00Z"), new Date("2027-03-10T06:00:00Z")), 0);
    // 23:30 UTC on the 10th is already the 11th in Brussels.
    assert.equal(daysUntil(new Date("2027-03-10T23:30:00Z"), new Date("2027-03-10T06:00:00Z")), 1);
  });
  it("counts across the DST change", () => {
    assert.equal(daysUntil(new Date("2027-04-05T10:00:00Z"), new Date("2027-03-06T10:00:00Z")), 30);
  });
  it("is negative after the expiry day", () => {
    assert.equal(daysUntil(new Date("2027-03-10T10:00:00Z"), new Date("2027-03-12T10:00:00Z")), -2);
  });
});

describe("expiryPlan", () => {
  it("does nothing before 60 days", () => {
    assert.deepEqual(expiryPlan(61, []), { record: [], mail: null });
  });
  it("mails each threshold on its day, once", () => {
    assert.deepEqual(expiryPlan(60, []), { record: [60], mail: 60 });
    assert.deepEqual(expiryPlan(59, [60]), { record: [], mail: null });
    assert.deepEqual(expiryPlan(30, [60]), { record: [30], mail: 30 });
    assert.deepEqual(expiryPlan(7, [60, 30]), { record: [7], mail: 7 });
    assert.deepEqual(expiryPlan(0, [60, 30, 7]), { record: [0], mail: 0 });
    assert.deepEqual(expiryPlan(0, [60, 30, 7, 0]), { record: [], mail: null });
  });
  it("after a gap, records the skipped thresholds and mails only the most urgent one", () => {
    assert.deepEqual(expiryPlan(5, [60]), { record: [30, 7], mail: 7 });
    assert.deepEqual(expiryPlan(20, []), { record: [60, 30], mail: 30 });
  });
  it("does nothing once the expiry day is past", () => {
    assert.deepEqual(expiryPlan(-1, []), { record: [], mail: null });
  });
});
