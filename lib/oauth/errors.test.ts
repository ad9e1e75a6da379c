import assert from "node:assert/strict";
import { test } from "node:test";
import { oauthError, rfcDescription } from "./errors";
import { REFUSAL_REASONS } from "./reasons";

// RFC 6749 §5.2 / RFC 6750 §3: error_description is printable ASCII without `"` and `\`.
const allowed = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

test("every reason's error_description is printable ASCII without quote or backslash, whatever its parameters", () => {
  const nasty = new Proxy({}, { get: () => 'é"\\«x»\u0000\ud800…' });
  for (const reason of REFUSAL_REASONS) {
    const description = oauthError(reason, nasty).toJSON().error_description;
    assert.match(description, allowed, reason);
  }
});

test("French quotes become plain quotes, accents are dropped", () => {
  assert.equal(rfcDescription("permission « Déclaration »"), "permission ' Declaration '");
});

test("section signs and typographic apostrophes stay readable instead of turning into ?", () => {
  // The integrator reads « (RFC 6749 section 3.2) », not « (RFC 6749 ?3.2) ».
  assert.equal(rfcDescription("send it once (RFC 6749 §3.2); the account’s key"), "send it once (RFC 6749 section 3.2); the account's key");
  assert.doesNotMatch(oauthError("request.duplicate-parameter", { name: "scope" }).description, /\?/);
});
