import assert from "node:assert/strict";
import { test } from "node:test";
import { failureLocks, retryAfterSeconds, throttlePolicies, throttleScopes, throttleVerdict } from "./throttle-policy";

const policy = throttlePolicies["sign-in"];

test("every scope has a policy: 5 per subject, 20 per address, 15 minutes; the key-signature scopes (oauth-token, sftp) ignore pending for the subject", () => {
  for (const scope of throttleScopes) {
    assert.deepEqual(throttlePolicies[scope], { perSubject: 5, perAddress: 20, windowMinutes: 15, subjectCountsPending: scope !== "oauth-token" && scope !== "sftp" });
  }
});

test("below both limits one more attempt may be verified", () => {
  assert.deepEqual(throttleVerdict({ subject: policy.perSubject - 1, address: policy.perAddress - 1 }, policy), { locked: false });
});

test("five counted attempts lock the subject; twenty lock the address", () => {
  assert.deepEqual(throttleVerdict({ subject: 5, address: 0 }, policy), { locked: true, reason: "subject" });
  assert.deepEqual(throttleVerdict({ subject: 0, address: 20 }, policy), { locked: true, reason: "address" });
  assert.deepEqual(throttleVerdict({ subject: 9, address: 30 }, policy), { locked: true, reason: "subject" });
});

test("only the failure that reaches a limit is reported as the lock-out", () => {
  assert.equal(failureLocks({ subject: 4, address: 4 }, policy), null);
  assert.equal(failureLocks({ subject: 5, address: 5 }, policy), "subject");
  assert.equal(failureLocks({ subject: 1, address: 20 }, policy), "address");
  assert.equal(failureLocks({ subject: 6, address: 21 }, policy), null);
});

test("retry-after is what is left of the window for the oldest counted attempt, at least one second", () => {
  assert.equal(retryAfterSeconds(0, policy), 900);
  assert.equal(retryAfterSeconds(60.2, policy), 840);
  assert.equal(retryAfterSeconds(899.9, policy), 1);
  assert.equal(retryAfterSeconds(2000, policy), 1);
});
