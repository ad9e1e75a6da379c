import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import compile from "icu-minify/compile";
import { loadMessages } from "@/lib/i18n/load-messages";
import { locales } from "@/lib/i18n/locales";

// Issue 17: the « admin » namespace has the same keys in FR, NL, EN and DE, every message compiles as
// ICU, and every "admin.*" key the code names (refusals, confirmations) exists.

function keys(node: unknown, prefix = ""): string[] {
  if (!node || typeof node !== "object") return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

test("the admin namespace has the same keys in every language and compiles", () => {
  const reference = keys(loadMessages("fr").admin).sort();
  assert.ok(reference.length > 50);
  for (const locale of locales) {
    const namespace = loadMessages(locale).admin as Record<string, unknown>;
    assert.deepEqual(keys(namespace).sort(), reference, locale);
    for (const key of reference) {
      const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], namespace);
      assert.doesNotThrow(() => compile(String(text)), `${locale}: admin.${key}`);
    }
  }
});

test("every admin.* message key named in the code exists", () => {
  const fr = keys(loadMessages("fr").admin);
  const named = new Set<string>();
  for (const file of [...sources("lib/admin"), ...sources("app/(admin)")]) {
    for (const match of readFileSync(file, "utf8").matchAll(/"admin\.((?:errors|admins|trust|clock|catalogue)\.[A-Za-z]+)"/g)) named.add(match[1]!);
  }
  assert.ok(named.size >= 15, `found ${named.size}`);
  for (const key of named) assert.ok(fr.includes(key), `admin.${key}`);
});

test("the admin-changes namespace (issue 17, second round) has the same keys everywhere, compiles, and every key the code names exists", () => {
  const reference = keys(loadMessages("fr")["admin-changes"]).sort();
  for (const locale of locales) {
    const namespace = loadMessages(locale)["admin-changes"] as Record<string, unknown>;
    assert.deepEqual(keys(namespace).sort(), reference, locale);
    for (const key of reference) {
      const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], namespace);
      assert.doesNotThrow(() => compile(String(text)), `${locale}: admin-changes.${key}`);
    }
  }
  const named = new Set<string>();
  for (const file of [...sources("lib/admin"), ...sources("app/(admin)"), ...sources("lib/rules")]) {
    for (const match of readFileSync(file, "utf8").matchAll(/"admin-changes\.([A-Za-z.-]+[A-Za-z])"/g)) named.add(match[1]!);
  }
  assert.ok(named.size >= 8, `found ${named.size}`);
  for (const key of named) assert.ok(reference.includes(key) || reference.some((k) => k.startsWith(`${key}.`)), `admin-changes.${key}`);
  // The pure rule's codes, named in lib/rules/catalogue-codes.ts without the prefix.
  for (const code of ["applicationCodeRequired", "applicationCodeShape", "scopeShape"]) assert.ok(reference.includes(`errors.${code}`), code);
});
