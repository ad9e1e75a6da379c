// Issue 19: a failed query reaches the caller and the log as a DatabaseError with its code and
// constraint, never with the query's parameter values (on PGlite and on PostgreSQL).
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { test } from "node:test";
import { users } from "@/lib/db/schema";
import { withDemoDatabase } from "@/lib/db/test-db";
import { uniqueViolation } from "@/lib/services/result";
import type { Db } from "./client";
import { DatabaseError } from "./errors";

let db: Db;
withDemoDatabase((ready) => (db = ready));

const secret = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRET-HASH-VALUE";

async function failing(run: () => Promise<unknown>): Promise<{ error: unknown; logged: string }> {
  const lines: string[] = [];
  const { error: originalError, warn: originalWarn } = console;
  console.error = (...args: unknown[]) => lines.push(args.map((a) => inspect(a)).join(" "));
  console.warn = console.error;
  try {
    await run();
  } catch (error) {
    return { error, logged: lines.join("\n") };
  } finally {
    console.error = originalError;
    console.warn = originalWarn;
  }
  throw new Error("the query did not fail");
}

test("a NUL in a value fails as DatabaseError 22021 (or 22P05) without the parameters, in the error or the log", async () => {
  const { error, logged } = await failing(() =>
    db.insert(users).values({ username: "nul\u0000user", niss: "00000000000", firstName: "x", lastName: "y", passwordHash: secret }),
  );
  assert.ok(error instanceof DatabaseError, String(error));
  assert.match(error.code, /^22/);
  for (const text of [String(error), error.message, inspect(error, { depth: 5, showHidden: true }), JSON.stringify(error), logged]) {
    assert.ok(!text.includes("SECRET-HASH-VALUE") && !text.includes("$argon2"), `a parameter leaked: ${text.slice(0, 300)}`);
  }
  assert.match(logged, /\[db\] query failed: code=22/);
});

test("a unique violation keeps its code and constraint, so the services can still answer it", async () => {
  const [danny] = await db.select().from(users).limit(1);
  assert.ok(danny);
  const { error, logged } = await failing(() =>
    db.insert(users).values({ username: danny.username, niss: "00000000001", firstName: "x", lastName: "y", passwordHash: secret }),
  );
  assert.ok(error instanceof DatabaseError);
  assert.equal(error.code, "23505");
  assert.equal(uniqueViolation(error), "users_username_unique");
  assert.ok(!logged.includes("SECRET-HASH-VALUE") && !inspect(error, { depth: 5 }).includes(danny.username));
  assert.match(logged, /constraint=users_username_unique/);
});

test("inside a transaction too", async () => {
  const { error } = await failing(() =>
    db.transaction(async (tx) => {
      await tx.insert(users).values({ username: "tx\u0000", niss: "00000000002", firstName: "x", lastName: "y", passwordHash: secret });
    }),
  );
  assert.ok(error instanceof DatabaseError);
  assert.ok(!inspect(error, { depth: 5 }).includes("SECRET-HASH-VALUE"));
});
