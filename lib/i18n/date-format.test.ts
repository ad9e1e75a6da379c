import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { formattingLocale } from "./formatting-locale";

// Issue 13: English dates were US-style (11/30/26) because formatters took the bare `en` tag. Every date
// is formatted through lib/i18n/format.ts (next-intl, -BE tag) or an Intl formatter with an explicit
// Belgian/ISO tag; this test reads the sources so a new call site cannot bring the US format back.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

test("English dates read day first (en-BE), not US style", () => {
  const day = new Date("2026-11-30T07:35:00Z");
  const short = new Intl.DateTimeFormat(formattingLocale("en"), { dateStyle: "short", timeZone: "Europe/Brussels" }).format(day);
  assert.equal(short, "30/11/26");
  assert.equal(new Intl.DateTimeFormat(formattingLocale("en"), { dateStyle: "long", timeZone: "Europe/Brussels" }).format(day), "30 November 2026");
  assert.equal(formattingLocale("nl"), "nl-BE");
});

test("no date is formatted with the bare UI language tag", () => {
  const offenders: string[] = [];
  for (const file of ["app", "components", "lib"].flatMap(sources)) {
    if (file === path.join("lib", "i18n", "format.ts")) continue;
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      if (/\b(getFormatter|useFormatter)\(/.test(line)) offenders.push(`${where} next-intl formatter without the -BE tag (use getAppFormatter)`);
      if (/\.toLocale(Date|Time)?String\(/.test(line)) offenders.push(`${where} toLocale…String`);
      // Issue 17 QA: a date with the month in words is French « 1er mars » only through AppDateTimeFormat.
      if (/new Intl\.DateTimeFormat\(/.test(line) && /dateStyle: "(long|full)"|month: "(long|short)"/.test(line)) offenders.push(`${where} month in words without AppDateTimeFormat (« 1er mars »)`);
      const intl = /new (?:Intl\.DateTimeFormat|AppDateTimeFormat)\(([^,)]*)/.exec(line);
      if (intl && !/-BE|en-GB|en-CA|formattingLocale\(|\.\.\.args/.test(intl[1] ?? "")) offenders.push(`${where} Intl.DateTimeFormat(${intl[1]})`);
    });
  }
  assert.deepEqual(offenders, []);
});
