import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { frenchElides, withElision } from "./elision";
import { locales, type Locale } from "./locales";

// Issue 13: each language's own quotation marks, everywhere: French « », Dutch ‘ ’ (the single marks
// of Belgian federal and Flemish government texts and of the NL messages already written),
// English “ ”, German „ “. And French elides « de » before a name that starts with a vowel or h.

function leaves(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`));
  return [];
}

function messages(locale: Locale): [string, string][] {
  return readdirSync(`messages/${locale}`)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) => leaves(JSON.parse(readFileSync(`messages/${locale}/${file}`, "utf8")) as unknown, file.slice(0, -5)));
}

/** Quotation marks each language must not use, and its own pair (opening, closing). */
const QUOTES: Record<Locale, { foreign: RegExp; open: string; close: string }> = {
  fr: { foreign: /[“”„‘"]/, open: "«", close: "»" },
  // ’ is also the Dutch and English apostrophe (« foto’s », « user’s »): only the opening marks are counted.
  nl: { foreign: /[«»“”„"]/, open: "‘", close: "’" },
  en: { foreign: /[«»„‘"]/, open: "“", close: "”" },
  de: { foreign: /[«»”‘"]/, open: "„", close: "“" },
};

test("each language uses its own quotation marks, opened and closed in pairs", () => {
  const offenders: string[] = [];
  for (const locale of locales) {
    const { foreign, open, close } = QUOTES[locale];
    for (const [key, text] of messages(locale)) {
      if (foreign.test(text)) offenders.push(`${locale} ${key}: foreign quotation mark in « ${text} »`);
      const opened = text.split(open).length - 1;
      const closed = text.split(close).length - 1;
      const balanced = locale === "nl" ? closed >= opened : closed === opened;
      if (!balanced) offenders.push(`${locale} ${key}: ${opened} ${open} for ${closed} ${close}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test("no ASCII apostrophe right before a placeholder (ICU would quote the placeholder away)", () => {
  const offenders = locales.flatMap((locale) => messages(locale).filter(([, text]) => /'\{\w/.test(text)).map(([key]) => `${locale} ${key}`));
  assert.deepEqual(offenders, []);
});

test("French puts no name after a bare « de »: it elides through `<name>Elides`", () => {
  const names = ["actor", "target", "who", "name", "enterprise", "counterpart", "person", "user", "intermediary"];
  const bare = new RegExp(`(?<!other \\{)\\bde \\{(${names.join("|")})\\}`);
  const offenders = messages("fr").filter(([, text]) => bare.test(text)).map(([key, text]) => `${key}: ${text}`);
  assert.deepEqual(offenders, []);
});

test("elision: vowels, accented vowels and h elide; consonants, digits and quotes do not", () => {
  for (const name of ["Ivan Petrov", "ann", "APK Recycling", "Émile", "Hélène", "Yves", "Œuvre"]) assert.equal(frenchElides(name), true, name);
  for (const name of ["Danny Janssens", "Boulangerie Dupont", "0123.456.749", "« X »", ""]) assert.equal(frenchElides(name), false, name);
  assert.deepEqual(withElision({ who: "Ivan", number: 3 }, "who"), { who: "Ivan", number: 3, whoElides: "yes" });
});
