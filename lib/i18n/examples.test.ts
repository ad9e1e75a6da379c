import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkUsername } from "@/lib/rules/username";
import { locales } from "./locales";

// Issue 13: an example given in a hint must itself be accepted (« EXPWK23 » was 7 characters, refused).
test("the username hint's example passes the username rule in every language", () => {
  for (const locale of locales) {
    const hint = (JSON.parse(readFileSync(`messages/${locale}/channels.json`, "utf8")) as { form: { usernameHint: string } }).form.usernameHint;
    const example = /(EXP[A-Za-z0-9]+)\.\s*$/.exec(hint)?.[1];
    assert.ok(example, `${locale}: an example ends the hint`);
    assert.equal(checkUsername(example).ok, true, `${locale}: ${example}`);
  }
});
