import assert from "node:assert/strict";
import { test } from "node:test";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_NAME, userIdFromSessionCookies } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const userId = "5b0f2f9e-0a47-4d0e-9a49-6a3c1f3f2b11";

async function token(options: { sub?: string; maxAge?: number; key?: string } = {}): Promise<string> {
  return encode({ token: { sub: options.sub ?? userId }, secret: options.key ?? secret, salt: SESSION_COOKIE_NAME, maxAge: options.maxAge ?? 3600 });
}

test("reads the user id of a valid session cookie", async () => {
  assert.equal(await userIdFromSessionCookies([{ name: SESSION_COOKIE_NAME, value: await token() }], [secret]), userId);
});

test("joins a session split into chunks, in their numeric order", async () => {
  const value = await token();
  const third = Math.ceil(value.length / 3);
  const parts = [value.slice(0, third), value.slice(third, 2 * third), value.slice(2 * third)];
  const cookies = [2, 0, 1].map((i) => ({ name: `${SESSION_COOKIE_NAME}.${i}`, value: parts[i] ?? "" }));
  assert.equal(await userIdFromSessionCookies(cookies, [secret]), userId);
});

test("accepts a cookie of a previous secret while it is still listed (rotation)", async () => {
  const old = "the-previous-secret-of-enough-length-987654";
  assert.equal(await userIdFromSessionCookies([{ name: SESSION_COOKIE_NAME, value: await token({ key: old }) }], [secret, old]), userId);
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
    ["other secret", [{ name: SESSION_COOKIE_NAME, value: await token({ key: "another-secret-of-enough-length-000000000" }) }]],
  ];
  for (const [label, cookies] of cases) assert.equal(await userIdFromSessionCookies(cookies, [secret]), null, label);
});

test("no secret configured: nobody is signed in", async () => {
  assert.equal(await userIdFromSessionCookies([{ name: SESSION_COOKIE_NAME, value: await token() }], []), null);
});
