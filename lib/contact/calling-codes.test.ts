import assert from "node:assert/strict";
import { test } from "node:test";
import { callingCodeOptions } from "./calling-codes";

// Issue 13: the « Indicatif » list names the countries, in the reader's language.
test("calling codes are labelled with their countries, main country first", () => {
  const fr = callingCodeOptions("fr");
  const option = (value: string) => fr.find((o) => o.value === value)?.label;
  assert.equal(option("+32"), "+32 Belgique");
  assert.equal(option("+31"), "+31 Pays-Bas");
  assert.match(option("+1") ?? "", /^\+1 États-Unis, .+, …$/);
  assert.match(option("+44") ?? "", /^\+44 Royaume-Uni, /);
  assert.equal(callingCodeOptions("nl").find((o) => o.value === "+32")?.label, "+32 België");
  assert.equal(callingCodeOptions("de").find((o) => o.value === "+49")?.label, "+49 Deutschland");
  // Same values and order as the rule's list: the form's value and the phone check do not change.
  assert.deepEqual(fr.map((o) => o.value).slice(0, 3), ["+1", "+7", "+20"]);
  assert.ok(fr.every((o) => o.label.startsWith(`${o.value} `)), "every code names a country");
});
