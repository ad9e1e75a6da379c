import assert from "node:assert/strict";
import { test } from "node:test";
import { appErrorCodes } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/load-messages";
import { locales } from "@/lib/i18n/locales";

// Every issue-5 error code has a message in FR, NL, EN and DE, and the three issue-5 namespaces
// have the same keys in every language.

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

function keys(node: unknown, prefix = ""): string[] {
  if (!node || typeof node !== "object") return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test("issue-5 error codes have a message in every language", () => {
  const codes = appErrorCodes.filter((code) => code.startsWith("access.") || code.startsWith("delegation."));
  assert.ok(codes.length >= 12);
  for (const locale of locales) {
    const messages = loadMessages(locale);
    for (const code of codes) assert.equal(typeof lookup(messages, `errors.${code}`), "string", `${locale}: errors.${code}`);
  }
});

test("the access, delegation and managers namespaces have the same keys in every language", () => {
  for (const namespace of ["access", "delegation", "managers"]) {
    const reference = keys(loadMessages("fr")[namespace]).sort();
    assert.ok(reference.length > 10);
    for (const locale of locales) assert.deepEqual(keys(loadMessages(locale)[namespace]).sort(), reference, `${locale}/${namespace}`);
  }
});
