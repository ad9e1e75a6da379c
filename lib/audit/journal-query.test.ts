import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { readJournalQuery, type JournalQueryKey } from "./journal-query";

const read = (query: string) => {
  const params = new URLSearchParams(query);
  return readJournalQuery((key: JournalQueryKey) => params.get(key));
};

test("issue 13: a day that does not exist is ignored and named with its value, not dropped silently", () => {
  const q = read("from=2026-02-31&to=2026-03-05");
  assert.equal(q.filters.from, undefined);
  assert.equal(q.filters.to, "2026-03-05");
  assert.deepEqual(q.ignored, [{ name: "from", value: "2026-02-31" }]);
  assert.equal(q.reversed, false);
  // 29 February only in leap years; month 13 and garbled text never.
  assert.deepEqual(read("from=2028-02-29").ignored, []);
  assert.deepEqual(read("from=2027-02-29&to=2026-13-01").ignored.map((p) => p.name), ["from", "to"]);
  assert.deepEqual(read("to=31/12/2026").ignored, [{ name: "to", value: "31/12/2026" }]);
});

test("every garbled parameter is listed, in the form's order; valid and blank ones are not", () => {
  const q = read("cursor=abc&order=up&kind=nope&actor=" + "x".repeat(101) + "&from=&to=2026-01-01");
  assert.deepEqual(q.ignored.map((p) => p.name), ["kind", "actor", "order", "cursor"]);
  assert.equal(q.filters.order, "desc");
  assert.equal(q.filters.to, "2026-01-01");
  assert.deepEqual(read("kind=accounts&actor=Danny&from=2026-01-01&to=2026-01-31&order=asc&cursor=42").ignored, []);
  assert.deepEqual(read("actor=%00x").ignored, [{ name: "actor", value: "\u0000x" }]);
  assert.deepEqual(read("cursor=-3").ignored, [{ name: "cursor", value: "-3" }]);
});

test("a long ignored value is cut to 40 characters when repeated to the reader", () => {
  const [ignored] = read(`from=${"9".repeat(500)}`).ignored;
  assert.equal(ignored?.value, `${"9".repeat(40)}…`);
});

test("« Du » after « Au » is reported as reversed, not as ignored", () => {
  const q = read("from=2026-03-05&to=2026-03-01");
  assert.equal(q.reversed, true);
  assert.deepEqual(q.ignored, []);
  assert.equal(read("from=2026-03-01&to=2026-03-01").reversed, false);
});

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

function message(locale: string, key: string, values: Record<string, string>): string {
  const messages = JSON.parse(readFileSync(`messages/${locale}/journal-query.json`, "utf8")) as Record<string, string>;
  const text = messages[key];
  if (text === undefined) throw new Error(`missing ${locale} journal-query.${key}`);
  return String(format(compile(text), locale, values, { formatters, timeZone: "Europe/Brussels" }));
}

test("the notice names the parameter, its label and the value, and says it was ignored, in four languages", () => {
  const problem = (locale: string) => message(locale, "problem", { name: "from", label: "Du", value: "2026-02-31" });
  assert.equal(
    message("fr", "ignored", { problem: problem("fr") }),
    "Le paramètre « from » (« Du ») de l’adresse vaut « 2026-02-31 » : ce n’est pas une date existante au format AAAA-MM-JJ. Ce paramètre a été ignoré : le journal est affiché sans ce filtre.",
  );
  for (const [locale, word] of [["nl", "genegeerd"], ["en", "ignored"], ["de", "ignoriert"]] as const) {
    const sentence = message(locale, "ignored", { problem: problem(locale) });
    assert.match(sentence, /from/);
    assert.match(sentence, /2026-02-31/);
    assert.match(sentence, new RegExp(word));
  }
  assert.match(message("en", "problem", { name: "actor", label: "Person", value: "x" }), /at most 100 characters/);
  assert.match(message("fr", "exportReversed", { reason: "…" }), /^L’export CSV n’a pas été fait/);
});
