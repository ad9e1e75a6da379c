import assert from "node:assert/strict";
import { test } from "node:test";
import { DatabaseUnreachableError, openDatabase } from "./client";

// QA 11b-D: an unreachable or missing PostgreSQL database is named with its cause, in one line.
// Needs no running database: a closed port, and (when DATABASE_URL names a server) a database that does not exist.

test("connection refused names the host and ECONNREFUSED", async () => {
  await assert.rejects(openDatabase({ url: "postgres://postgres:secret@127.0.0.1:1/chaman" }), (error: unknown) => {
    assert.ok(error instanceof DatabaseUnreachableError);
    assert.match(error.message, /^PostgreSQL at 127\.0\.0\.1:1\/chaman cannot be used: connection refused \(ECONNREFUSED\)/);
    assert.doesNotMatch(error.message, /secret|\n|Failed query/);
    return true;
  });
});

test("a database that does not exist says so", { skip: !process.env.DATABASE_URL && "needs DATABASE_URL" }, async () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/issue11b_no_such_database";
  await assert.rejects(openDatabase({ url: url.toString() }), /issue11b_no_such_database cannot be used: database does not exist \(3D000\)/);
});
