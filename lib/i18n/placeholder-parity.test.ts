import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import compile from "icu-minify/compile";
import { locales } from "./locales";

// Issue 13: a translation that drops or renames a placeholder shows « {quality} » or loses the quality's
// name without any test noticing. Every message names the same values in FR, NL, EN and DE — except the
// `<name>Elides` selects, which only French needs (lib/i18n/elision.ts).

function leaves(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`));
  return [];
}

/** The argument names of a message, read from icu-minify's compiled form (what the app formats). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    const [head, kind, options] = node as unknown[];
    // An argument is [name] or [name, type, options?] with type > 0; 0 is the plural « # » inside text parts.
    const isArgument = typeof head === "string" && (node.length === 1 || (typeof kind === "number" && kind > 0));
    if (isArgument) {
      names.add(head);
      if (options && typeof options === "object") for (const option of Object.values(options)) walk(option);
      return;
    }
    for (const part of node) walk(part);
  };
  walk(JSON.parse(JSON.stringify(compile(message))) as unknown);
  return [...names].filter((name) => !name.endsWith("Elides")).sort();
}

/** Keys whose French takes another value on purpose, with the reason. */
const FRENCH_ONLY_VALUES: Record<string, string> = {
  "channels.detail.title": "seed 004 writes the type in lower case in French (« Modifier le compte ftp »): {typeLower}",
};

test("every message uses the same placeholders in the four languages", () => {
  const byLocale = locales.map((locale) => {
    const all = new Map<string, string[]>();
    for (const file of readdirSync(`messages/${locale}`).filter((f) => f.endsWith(".json"))) {
      for (const [key, text] of leaves(JSON.parse(readFileSync(`messages/${locale}/${file}`, "utf8")) as unknown, file.slice(0, -5))) all.set(key, argumentsOf(text));
    }
    return { locale, all };
  });
  const [reference, ...others] = byLocale;
  const mismatches: string[] = [];
  for (const other of others) {
    for (const [key, names] of reference!.all) {
      if (key in FRENCH_ONLY_VALUES) continue;
      const theirs = other.all.get(key);
      if (theirs && theirs.join(",") !== names.join(",")) mismatches.push(`${other.locale} ${key}: {${theirs.join(", ")}} vs fr {${names.join(", ")}}`);
    }
  }
  assert.deepEqual(mismatches, []);
});

test("the reader of compiled messages finds arguments in selects and plurals", () => {
  assert.deepEqual(argumentsOf("Hi {name}, {n, plural, one {# x} other {# {y}}} {s, select, yes {d’{a}} other {de {a}}} {d, date, long}"), ["a", "d", "n", "name", "s", "y"]);
  assert.deepEqual(argumentsOf("Connexion {actorElides, select, yes {d’{actor}} other {de {actor}}}"), ["actor"]);
});
