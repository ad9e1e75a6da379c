import assert from "node:assert/strict";
import { test } from "node:test";
import { checkLabels } from "./labels";

// Issue 17 QA: catalogue labels are shown to every user; a bidi override or an invisible character is
// refused beside its field, naming the character.

const form = (names: Record<string, string>) => {
  const data = new FormData();
  for (const [field, value] of Object.entries({ nameFr: "Dimona", nameNl: "Dimona", nameEn: "Dimona", nameDe: "Dimona", ...names })) data.set(field, value);
  return data;
};

test("a bidi override or an invisible format character in a label is refused, naming it; the others are kept apart", () => {
  const result = checkLabels(form({ nameFr: "Dimona \u202Eevil", nameDe: "Di\u200Bmona" }));
  assert.ok(!result.ok && result.state.status === "error");
  assert.deepEqual(result.state.fieldErrors, {
    nameFr: { key: "text-rules.forbiddenCharacter", params: { character: "U+202E" } },
    nameDe: { key: "text-rules.forbiddenCharacter", params: { character: "U+200B" } },
  });
});

test("ordinary labels in every language pass, emoji with joiners included", () => {
  const result = checkLabels(form({ nameFr: "Déclaration « DmfA »", nameDe: "Übermittlung 👨‍👩‍👧" }));
  assert.ok(result.ok);
  assert.equal(result.names.nameDe, "Übermittlung 👨‍👩‍👧");
});
