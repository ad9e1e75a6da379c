import assert from "node:assert/strict";
import { test } from "node:test";
import { sessionPolicyFrom, sessionPolicyProblem } from "./session-policy";

test("defaults: 30 minutes idle, 8 hours in all, « last seen » written once a minute", () => {
  assert.deepEqual(sessionPolicyFrom({}), { idleSeconds: 1800, maxSeconds: 28800, touchSeconds: 60 });
  assert.deepEqual(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: " ", CHAMAN_SESSION_MAX_HOURS: "" }), { idleSeconds: 1800, maxSeconds: 28800, touchSeconds: 60 });
});

test("configured values, fractions included; a short idle timeout writes « last seen » at half of it", () => {
  assert.deepEqual(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "15", CHAMAN_SESSION_MAX_HOURS: "12" }), { idleSeconds: 900, maxSeconds: 43200, touchSeconds: 60 });
  assert.deepEqual(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "0.1" }), { idleSeconds: 6, maxSeconds: 28800, touchSeconds: 3 });
  assert.deepEqual(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "1.5" }), { idleSeconds: 90, maxSeconds: 28800, touchSeconds: 45 });
});

test("anything but a positive number stops the server with the variable's name", () => {
  for (const bad of ["0", "-5", "abc", "1e3", "30m", "Infinity", "0x10"]) {
    assert.throws(() => sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: bad }), /CHAMAN_SESSION_IDLE_MINUTES must be a positive number/, bad);
    assert.throws(() => sessionPolicyFrom({ CHAMAN_SESSION_MAX_HOURS: bad }), /CHAMAN_SESSION_MAX_HOURS must be a positive number/, bad);
  }
  assert.throws(() => sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "0.01" }), /at least 2 seconds/);
});

test("QA 18-2: an idle timeout longer than the whole session is capped at it, not refused", () => {
  assert.deepEqual(sessionPolicyFrom({ CHAMAN_SESSION_MAX_HOURS: "0.25" }), { idleSeconds: 900, maxSeconds: 900, touchSeconds: 60 });
  assert.equal(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "120", CHAMAN_SESSION_MAX_HOURS: "1" }).idleSeconds, 3600);
  assert.equal(sessionPolicyFrom({ CHAMAN_SESSION_IDLE_MINUTES: "60", CHAMAN_SESSION_MAX_HOURS: "1" }).idleSeconds, 3600);
  assert.throws(() => sessionPolicyFrom({ CHAMAN_SESSION_MAX_HOURS: "0.0001" }), /CHAMAN_SESSION_MAX_HOURS must be at least 2 seconds/);
});

test("QA 18-2: the start-up check gives one line naming the variable, or null", () => {
  assert.equal(sessionPolicyProblem({}), null);
  assert.equal(sessionPolicyProblem({ CHAMAN_SESSION_MAX_HOURS: "0.25" }), null);
  assert.equal(sessionPolicyProblem({ CHAMAN_SESSION_IDLE_MINUTES: "abc" }), 'CHAMAN_SESSION_IDLE_MINUTES must be a positive number (got "abc")');
  assert.match(sessionPolicyProblem({ CHAMAN_SESSION_MAX_HOURS: "-1" }) ?? "", /^CHAMAN_SESSION_MAX_HOURS must be a positive number/);
});
