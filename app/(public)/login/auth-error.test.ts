import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { authErrorKey } from "./auth-error";

test("QA 18-9: Auth.js's error codes map to translated messages", () => {
  assert.equal(authErrorKey(undefined), null);
  assert.equal(authErrorKey(""), null);
  assert.equal(authErrorKey("AccessDenied"), "accessDenied");
  assert.equal(authErrorKey(["Configuration", "x"]), "configuration");
  assert.equal(authErrorKey("Verification"), "verification");
  assert.equal(authErrorKey("OAuthCallbackError"), "default");
  assert.equal(authErrorKey("<script>"), "default");
});

test("every auth-errors message exists in FR, NL, EN and DE", () => {
  const keys = ["accessDenied", "configuration", "verification", "default"];
  for (const locale of ["fr", "nl", "en", "de"]) {
    const messages = JSON.parse(readFileSync(`messages/${locale}/auth-errors.json`, "utf8")) as Record<string, string>;
    assert.deepEqual(Object.keys(messages).sort(), [...keys].sort(), locale);
  }
});
