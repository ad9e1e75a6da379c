import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { frenchElides, withElision } from "./elision";
import { locales, type Locale } from "./locales";
import { REASON_CODES, reasonText } from "../transfer/reasons";

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

// Issue 13 leftover: French user text mixed ' and ’. French typography uses ’ (U+2019) for the
// apostrophe; in ICU MessageFormat a straight ' is also the escape character, so the only straight
// apostrophes allowed in French messages are ICU escapes of syntax characters: '{' '}' '#' '|'.
const ICU_ESCAPE = /'[{}#|]'/g;

function renderFr(message: string, values: Record<string, string | number> = {}): string {
  const formatters = {
    getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
    getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
  };
  return String(format(compile(message), "fr", values, { formatters, timeZone: "Europe/Brussels" }));
}

function frMessage(path: string): string {
  const [file, ...keys] = path.split(".");
  let node: unknown = JSON.parse(readFileSync(`messages/fr/${file}.json`, "utf8"));
  for (const key of keys) node = (node as Record<string, unknown>)[key];
  assert.equal(typeof node, "string", path);
  return node as string;
}

test("French user text uses the typographic apostrophe ’, never ' (except ICU escapes such as '{')", () => {
  const offenders = messages("fr")
    .filter(([, text]) => text.replace(ICU_ESCAPE, "").includes("'"))
    .map(([key, text]) => `${key}: ${text}`);
  // The role glossary (common.roles is checked against it) and the integrators' page « Intégrer un client REST ».
  const glossary = JSON.parse(readFileSync("messages/glossary.json", "utf8")) as { roles: Record<string, { fr: Record<string, string> }> };
  for (const [role, { fr }] of Object.entries(glossary.roles)) for (const term of Object.values(fr)) if (term.includes("'")) offenders.push(`glossary ${role}: ${term}`);
  let fenced = false;
  readFileSync("docs/rest-client.fr.md", "utf8").split("\n").forEach((line, i) => {
    if (line.trim().startsWith("```")) fenced = !fenced;
    else if (!fenced && line.split("`").some((part, j) => j % 2 === 0 && part.includes("'"))) offenders.push(`docs/rest-client.fr.md:${i + 1}: ${line}`);
  });
  // The batch channels' refusals (NOTIF files, « Transferts »), written in lib/transfer/reasons.ts.
  for (const code of REASON_CODES) {
    const text = reasonText({ code, params: {} }, "fr");
    if (text.includes("'")) offenders.push(`lib/transfer/reasons.ts ${code}: ${text}`);
  }
  assert.deepEqual(offenders, []);
});

test("no French message renders a straight apostrophe, and ICU escapes render as the character they protect", () => {
  // Every French message compiled as the app compiles it: a ' that survives compilation (e.g. '' in the
  // source) would reach the page.
  const rendered = messages("fr").filter(([, text]) => JSON.stringify(compile(text)).includes("'")).map(([key]) => key);
  assert.deepEqual(rendered, []);
  // A few rendered in full: an ICU escape, an elision before a placeholder, a plural with ’ inside.
  assert.match(renderFr(frMessage("channels.form.passwordCharset")), /\( ! \{ \} \) - _$/);
  assert.equal(renderFr(frMessage("journal-events.ui.kind")), "Type d’action");
  assert.equal(
    renderFr(frMessage("rules.cert.unreadable"), { reason: "trailing", found: 1 }).split(". ")[0],
    "Le fichier commence par un certificat complet, mais 1 octet suit qui n’en fait pas partie",
  );
  const qualityHint = renderFr(frMessage("access.activate.emailHint"));
  assert.ok(qualityHint.startsWith("L’adresse e-mail de la qualité"), qualityHint);
});

test("the test above can fail: a straight apostrophe, and '' which ICU renders as one", () => {
  assert.ok("Nom d'utilisateur".replace(ICU_ESCAPE, "").includes("'"));
  assert.ok(!"( ! '{' '}' )".replace(ICU_ESCAPE, "").includes("'"));
  assert.ok(JSON.stringify(compile("l''accès")).includes("'"));
});
