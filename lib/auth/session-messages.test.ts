import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createTranslator } from "use-intl/core";
import { exactDuration } from "./session-policy";

// QA 18-11: « Mes sessions » states the enforced policy exactly, with ICU plurals, in FR/NL/EN/DE.

function say(locale: string, seconds: number): string {
  const messages = { sessions: JSON.parse(readFileSync(`messages/${locale}/sessions.json`, "utf8")) as Record<string, string> };
  const t = createTranslator({ locale, messages, namespace: "sessions" });
  return t("duration", { ...exactDuration(seconds) });
}

test("exact durations: the largest whole unit, never rounded", () => {
  assert.deepEqual(exactDuration(28800), { unit: "hour", count: 8 });
  assert.deepEqual(exactDuration(5400), { unit: "minute", count: 90 });
  assert.deepEqual(exactDuration(60), { unit: "minute", count: 1 });
  assert.deepEqual(exactDuration(12), { unit: "second", count: 12 });
  assert.deepEqual(exactDuration(900), { unit: "minute", count: 15 });
});

test("singular and plural in every language", () => {
  assert.equal(say("fr", 60), "1 minute");
  assert.equal(say("fr", 1800), "30 minutes");
  assert.equal(say("fr", 12), "12 secondes");
  assert.equal(say("fr", 3600), "1 heure");
  assert.equal(say("fr", 28800), "8 heures");
  assert.equal(say("nl", 60), "1 minuut");
  assert.equal(say("nl", 28800), "8 uur");
  assert.equal(say("nl", 12), "12 seconden");
  assert.equal(say("en", 60), "1 minute");
  assert.equal(say("en", 3600), "1 hour");
  assert.equal(say("en", 1), "1 second");
  assert.equal(say("de", 60), "1 Minute");
  assert.equal(say("de", 5400), "90 Minuten");
  assert.equal(say("de", 3600), "1 Stunde");
});

test("the intro takes the two durations in every language", () => {
  for (const locale of ["fr", "nl", "en", "de"]) {
    const messages = { sessions: JSON.parse(readFileSync(`messages/${locale}/sessions.json`, "utf8")) as Record<string, string> };
    const t = createTranslator({ locale, messages, namespace: "sessions" });
    const intro = t("intro", { idle: say(locale, 60), max: say(locale, 3600) });
    assert.ok(intro.includes(say(locale, 60)) && intro.includes(say(locale, 3600)), locale);
  }
});
