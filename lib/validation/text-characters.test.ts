import assert from "node:assert/strict";
import { test } from "node:test";
import { problemOfIssue } from "./problems";
import { textField } from "./text";

// Issue 17 QA: a refused character is named in the message of every form field (« U+202E »).
test("a name with a bidi override or a zero-width space is refused with the character named", () => {
  for (const [value, character] of [["APK \u202EgnilcyceR", "U+202E"], ["Du\u200Bpont", "U+200B"], ["Du\u0000pont", "U+0000"]] as const) {
    const parsed = textField({ max: 100 }).safeParse(value);
    assert.ok(!parsed.success, value);
    assert.deepEqual(problemOfIssue(parsed.error.issues[0]!), { key: "text-rules.forbiddenCharacter", params: { character } });
  }
  assert.equal(textField({ max: 100 }).safeParse("Boulangerie Dupont").success, true);
});
