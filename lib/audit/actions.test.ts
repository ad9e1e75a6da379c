import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { locales } from "@/lib/i18n/locales";
import { AUDIT_ACTIONS, isAuditAction } from "./actions";
import { JOURNAL_KINDS, kindOfAction } from "./kinds";

// Issue 13: every action code a writer may journal (recordEvent takes an AuditAction, so the list is
// complete by construction) reads as a sentence in FR, NL, EN and DE and falls in exactly one kind of
// the journal's « Type d'action » filter, whose name exists in the four languages too.

function lookup(node: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Record<string, unknown>)[k] : undefined), node);
}

const messages = Object.fromEntries(locales.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}/journal-events.json`, "utf8")) as unknown]));

test("every journaled action code has a sentence in FR, NL, EN and DE", () => {
  const missing = locales.flatMap((locale) => AUDIT_ACTIONS.filter((action) => typeof lookup(messages[locale], `sentences.${action}`) !== "string").map((action) => `${locale}: ${action}`));
  assert.deepEqual(missing, []);
});

test("every journaled action code falls in exactly one kind of the action filter, named in the four languages", () => {
  for (const action of AUDIT_ACTIONS) {
    const kinds = Object.entries(JOURNAL_KINDS).filter(([, prefixes]) => prefixes.some((prefix) => action.startsWith(prefix)));
    assert.equal(kinds.length, 1, `${action}: ${kinds.map(([k]) => k).join(", ") || "no kind"}`);
    assert.equal(kindOfAction(action), kinds[0]![0]);
  }
  for (const kind of Object.keys(JOURNAL_KINDS)) for (const locale of locales) assert.equal(typeof lookup(messages[locale], `kinds.${kind}`), "string", `${locale}: kinds.${kind}`);
});

test("the list has no duplicates and the guard refuses foreign codes", () => {
  assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
  assert.equal(isAuditAction("transfer.upload"), true);
  assert.equal(isAuditAction("transfer.upload "), false);
  assert.equal(isAuditAction("sentences"), false);
});
