import assert from "node:assert/strict";
import { test } from "node:test";
import { failureLocks, throttlePolicy, throttleVerdict } from "./throttle-policy";

test("below both limits a sign-in is attempted", () => {
  assert.deepEqual(throttleVerdict({ username: throttlePolicy.perUsername - 1, address: throttlePolicy.perAddress - 1 }), { locked: false });
});

test("the fifth failure for a username locks it; the twentieth from an address locks the address", () => {
  assert.deepEqual(throttleVerdict({ username: 5, address: 0 }), { locked: true, reason: "username" });
  assert.deepEqual(throttleVerdict({ username: 0, address: 20 }), { locked: true, reason: "address" });
});

test("only the failure that reaches a limit is reported as the lock-out", () => {
  assert.equal(failureLocks({ username: 3, address: 3 }), false);
  assert.equal(failureLocks({ username: 4, address: 4 }), true);
  assert.equal(failureLocks({ username: 0, address: 19 }), true);
  assert.equal(failureLocks({ username: 5, address: 5 }), false);
});
