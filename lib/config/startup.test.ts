/** Fail-fast configuration checks of the server start (issue 11). */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { folderWritable, startupProblem } from "./startup";

const writable = () => true;
const secret = "x".repeat(32);

test("production needs an AUTH_SECRET of at least 32 bytes", () => {
  assert.match(startupProblem({ NODE_ENV: "production" }, writable) ?? "", /^AUTH_SECRET is not set: set it to a random value of at least 32 bytes/);
  assert.match(startupProblem({ NODE_ENV: "production", AUTH_SECRET: "short" }, writable) ?? "", /^AUTH_SECRET has 5 bytes/);
  assert.match(startupProblem({ NODE_ENV: "production", AUTH_SECRET: "é".repeat(15) }, writable) ?? "", /has 30 bytes/);
  assert.match(startupProblem({ NODE_ENV: "production", AUTH_SECRET: secret, AUTH_SECRET_1: "old" }, writable) ?? "", /^AUTH_SECRET_1 has 3 bytes/);
  assert.equal(startupProblem({ NODE_ENV: "production", AUTH_SECRET: secret }, writable), null);
  assert.equal(startupProblem({ NODE_ENV: "development" }, writable), null, "next dev generates no secret requirement");
});

test("a malformed DATABASE_URL is refused without repeating it", () => {
  for (const url of ["localhost:5432/chaman", "mysql://u:p@h/db", "postgres://", "not a url with s3cret"]) {
    const problem = startupProblem({ DATABASE_URL: url }, writable) ?? "";
    assert.match(problem, /^DATABASE_URL is not a PostgreSQL URL/, url);
    assert.ok(!problem.includes("s3cret"));
  }
  assert.equal(startupProblem({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/chaman" }, () => false), null, "no data folder needed");
});

test("an unwritable data folder is refused, and all problems fit on one line", () => {
  const problem = startupProblem({ NODE_ENV: "production", CHAMAN_DATA_DIR: "/nope" }, () => false) ?? "";
  assert.match(problem, /AUTH_SECRET is not set.*; CHAMAN_DATA_DIR \/nope is not writable/);
  assert.ok(!problem.includes("\n"));
  const dir = mkdtempSync(path.join(tmpdir(), "chaman-startup-"));
  assert.equal(folderWritable(path.join(dir, "data")), true);
  writeFileSync(path.join(dir, "a-file"), "");
  assert.equal(folderWritable(path.join(dir, "a-file", "data")), false);
  assert.equal(folderWritable("/proc/chaman-data"), false);
  rmSync(dir, { recursive: true, force: true });
});
