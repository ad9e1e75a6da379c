import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, newNonce } from "./csp";

test("issue 6: the policy allows scripts only with the request's nonce and forbids framing", () => {
  const csp = contentSecurityPolicy("abc123", false);
  assert.match(csp, /script-src 'self' 'nonce-abc123' 'strict-dynamic'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-eval/);
});

test("each request gets a different nonce", () => {
  const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
  assert.equal(nonces.size, 100);
});
