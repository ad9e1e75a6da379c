import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import compile from "icu-minify/compile";
import type { Locale } from "./locales";

type Messages = Record<string, unknown>;
const rawCache = new Map<Locale, Messages>();
const compiledCache = new Map<Locale, Messages>();
const cacheable = () => process.env.NODE_ENV === "production";

/**
 * Each file messages/<locale>/<namespace>.json becomes the namespace <namespace>, so every part
 * of the app keeps its own message file. Raw ICU strings: for tools and tests outside Next.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = rawCache.get(locale);
  if (cached && cacheable()) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
  }
  rawCache.set(locale, messages);
  return messages;
}

function compileTree(node: unknown): unknown {
  // icu-minify builds plural/select options as null-prototype objects, which React refuses to pass to
  // client components: a JSON round trip makes them plain (compiled messages are JSON by design).
  if (typeof node === "string") return JSON.parse(JSON.stringify(compile(node))) as unknown;
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compileTree(value)]));
  return node;
}

/**
 * The messages as the app's next-intl formats them: compiled once per locale with icu-minify, because
 * next.config.mjs swaps use-intl's formatter for its format-only variant. The browser then needs no
 * ICU parser (−12 kB of first-load JavaScript, issue 7) and the server parses no message per request.
 */
export function loadCompiledMessages(locale: Locale): Messages {
  const cached = compiledCache.get(locale);
  if (cached && cacheable()) return cached;
  const compiled = compileTree(loadMessages(locale)) as Messages;
  compiledCache.set(locale, compiled);
  return compiled;
}
