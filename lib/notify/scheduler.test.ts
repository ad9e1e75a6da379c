import assert from "node:assert/strict";
import { test } from "node:test";
import { Cron } from "croner";
import { DISPATCH_SCHEDULE, EXPIRY_SCHEDULE } from "./scheduler";

// Issue 16: the daily job runs at 06:00 in Brussels, summer and winter; the dispatcher every 10 seconds.

test("the expiry job runs daily at 06:00 Belgian time, across the DST change", () => {
  const job = new Cron(EXPIRY_SCHEDULE.pattern, { timezone: EXPIRY_SCHEDULE.timezone, paused: true });
  assert.equal(job.nextRun(new Date("2027-01-15T12:00:00Z"))?.toISOString(), "2027-01-16T05:00:00.000Z");
  assert.equal(job.nextRun(new Date("2027-07-15T12:00:00Z"))?.toISOString(), "2027-07-16T04:00:00.000Z");
  assert.equal(job.nextRun(new Date("2027-03-27T12:00:00Z"))?.toISOString(), "2027-03-28T04:00:00.000Z");
  job.stop();
});

test("the dispatcher polls every 10 seconds", () => {
  const job = new Cron(DISPATCH_SCHEDULE, { paused: true });
  const runs = job.nextRuns(3, new Date("2027-01-15T12:00:01Z")).map((d) => d.toISOString());
  assert.deepEqual(runs, ["2027-01-15T12:00:10.000Z", "2027-01-15T12:00:20.000Z", "2027-01-15T12:00:30.000Z"]);
  job.stop();
});
