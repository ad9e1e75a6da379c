import assert from "node:assert/strict";
import { createServer, type AddressInfo } from "node:net";
import { test } from "node:test";
import { DatabaseUnreachableError, openDatabase } from "./client";

// QA 11b-D: an unreachable or missing PostgreSQL database is named with its cause, in one line.
// Needs no running database: a closed port, and a stand-in server that answers the startup message the way
// PostgreSQL answers for a database that does not exist (an ErrorResponse with SQLSTATE 3D000).

test("connection refused names the host and ECONNREFUSED", async () => {
  await assert.rejects(openDatabase({ url: "postgres://postgres:secret@127.0.0.1:1/chaman" }), (error: unknown) => {
    assert.ok(error instanceof DatabaseUnreachableError);
    assert.match(error.message, /^PostgreSQL at 127\.0\.0\.1:1\/chaman cannot be used: connection refused \(ECONNREFUSED\)/);
    assert.doesNotMatch(error.message, /secret|\n|Failed query/);
    return true;
  });
});

/** A PostgreSQL ErrorResponse message (protocol 3.0): 'E', length, then code/value fields, then a zero byte. */
function errorResponse(fields: Record<string, string>): Buffer {
  const body = Buffer.concat([...Object.entries(fields).map(([k, v]) => Buffer.from(`${k}${v}\0`, "utf8")), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

test("a database that does not exist says so", async () => {
  const server = createServer((socket) => {
    socket.once("data", () => socket.end(errorResponse({ S: "FATAL", V: "FATAL", C: "3D000", M: 'database "issue11b_no_such_database" does not exist' })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await assert.rejects(
      openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/issue11b_no_such_database` }),
      /issue11b_no_such_database cannot be used: database does not exist \(3D000\)/,
    );
  } finally {
    server.close();
  }
});
