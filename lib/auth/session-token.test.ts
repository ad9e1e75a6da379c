import assert from "node:assert/strict";
import { test } from "node:test";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_NAME, sessionFromCookies } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const userId = "5b0f2f9e-0a47-4d0e-9a49-6a3c1f3f2b11";
const sessionId = "0d7b8f5e-8f7c-4c1a-b0a3-2f1e9d6c4b21";
const ref = { userId, sessionId };

async function token(options: { sub?: string; sid?: string | null; maxAge?: number; key?: string } = {}): Promise<string> {
  const sid = options.sid === undefined ? sessionId : options.sid;
  return encode({
    token: { sub: options.sub ?? userId, ...(sid === null ? {} : { sid }) },
    secret: options.key ?? secret,
    salt: SESSION_COOKIE_NAME,
    maxAge: options.maxAge ?? 3600,
  });
}

test("reads the user and session ids of a valid session cookie", async () => {
  assert.deepEqual(await sessionFromCookies([{ name: SESSION_COOKIE_NAME, value: await token() }], [secret]), ref);
});

test("joins a session split into chunks, in their numeric order", async () => {
  const value = await token();
  const third = Math.ceil(value.length / 3);
  const parts = [value.slice(0, third), value.slice(third, 2 * third), value.slice(2 * third)];
  const cookies = [2, 0, 1].map((i) => ({ name: `${SESSION_COOKIE_NAME}.${i}`, value: parts[i] ?? "" }));
  assert.deepEqual(await sessionFromCookies(cookies, [secret]), ref);
});

test("accepts a cookie of a previous secret while it is still listed (rotation)", async () => {
  const old = "the-previous-secret-of-enough-length-987654";
  assert.deepEqual(await sessionFromCookies([{ name: SESSION_COOKIE_NAME, value: await token({ key: old }) }], [secret, old]), ref);
});

test("no cookie, an expired, a tampered or another secret's cookie is nobody", async () => {
  const valid = await token();
  const tampered = `${valid.slice(0, -4)}${valid.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  const cases: Array<[string, Array<{ name: string; value: string }>]> = [
    ["none", []],
    ["other cookie", [{ name: "authjs.csrf-token", value: valid }]],
    ["expired", [{ name: SESSION_COOKIE_NAME, value: await token({ maxAge: -60 }) }]],
    ["tampered", [{ name: SESSION_COOKIE_NAME, value: tampered }]],
    ["garbage", [{ name: SESSION_COOKIE_NAME, value: "not-a-jwe" }]],
    ["issued before server-side sessions (no sid)", [{ name: SESSION_COOKIE_NAME, value: await token({ sid: null }) }]],
    ["sid not a session id", [{ name: SESSION_COOKIE_NAME, value: await token({ sid: "1 or 1=1" }) }]],
    ["other secret", [{ name: SESSION_COOKIE_NAME, value: await token({ key: "another-secret-of-enough-length-000000000" }) }]],
  ];
  for (const [label, cookies] of cases) assert.equal(await sessionFromCookies(cookies, [secret]), null, label);
});

test("no secret configured: nobody is signed in", async () => {
  assert.equal(await sessionFromCookies([{ name: SESSION_COOKIE_NAME, value: await token() }], []), null);
});
