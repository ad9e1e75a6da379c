import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { locales } from "./locales";

// Issue 13: every message key exists in FR, NL, EN and DE (a missing key shows a raw code to the reader).

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") out.set(prefix, node);
  else if (node && typeof node === "object") for (const [key, value] of Object.entries(node)) for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

function messagesOf(locale: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(`messages/${locale}`).filter((f) => f.endsWith(".json")).sort()) {
    for (const [k, v] of leaves(JSON.parse(readFileSync(`messages/${locale}/${file}`, "utf8")) as unknown, file.slice(0, -5))) all.set(k, v);
  }
  return all;
}

test("every message key exists in the four languages", () => {
  const [reference, ...others] = locales.map((locale) => ({ locale, keys: messagesOf(locale) }));
  for (const other of others) {
    const missing = [...reference!.keys.keys()].filter((k) => !other.keys.has(k));
    const extra = [...other.keys.keys()].filter((k) => !reference!.keys.has(k));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${other.locale} vs ${reference!.locale}`);
  }
});
