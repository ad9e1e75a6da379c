import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { clientMessages, SERVER_ONLY_NAMESPACES } from "./client-messages";
import { locales } from "./locales";

// The namespaces kept out of the browser (lib/i18n/client-messages.ts) must really be server-only:
// a client component translating one of them would show a raw key.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = ["app", "components", "lib"].flatMap((dir) => sourceFiles(dir)).map((file) => ({ file, text: readFileSync(file, "utf8") }));
const quoted = (namespace: string) => new RegExp(`["'\`]${namespace.replace(/[-]/g, "\\-")}(["'\`.])`);

test("every server-only namespace is a message file in the four languages", () => {
  for (const locale of locales) for (const namespace of SERVER_ONLY_NAMESPACES) assert.ok(existsSync(`messages/${locale}/${namespace}.json`), `${locale}/${namespace}`);
});

test("no client component names a server-only namespace", () => {
  const clients = sources.filter(({ text }) => /^\s*["']use client["']/m.test(text));
  assert.ok(clients.length > 10, "client components found");
  const offending = clients.flatMap(({ file, text }) => SERVER_ONLY_NAMESPACES.filter((ns) => quoted(ns).test(text)).map((ns) => `${file}: ${ns}`));
  assert.deepEqual(offending, []);
});

test("no action result carries a message key of a server-only namespace (client components translate those keys)", () => {
  const offending = sources.flatMap(({ file, text }) =>
    SERVER_ONLY_NAMESPACES.filter((ns) => new RegExp(`key:\\s*["'\`]${ns.replace(/[-]/g, "\\-")}\\.`).test(text)).map((ns) => `${file}: ${ns}`),
  );
  assert.deepEqual(offending, []);
});

test("clientMessages keeps every other namespace, untouched", () => {
  const messages = { common: { a: "A" }, notify: { b: "B" }, "journal-events": { c: "C" }, rules: { d: "D" } };
  assert.deepEqual(clientMessages(messages), { common: { a: "A" }, rules: { d: "D" } });
});

test("the check sees a violation (a client file naming notify)", () => {
  assert.equal(quoted("notify").test(`const t = useTranslations("notify.todo");`), true);
  assert.equal(quoted("journal").test(`const t = useTranslations("journal-events");`), false);
});
