import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * Each file messages/<locale>/<namespace>.json becomes the namespace <namespace>, so every part
 * of the app keeps its own message file.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
  }
  cache.set(locale, messages);
  return messages;
}
