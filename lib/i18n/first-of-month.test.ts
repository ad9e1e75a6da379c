import assert from "node:assert/strict";
import { test } from "node:test";
import { AppDateTimeFormat } from "./first-of-month";

// Issue 17 QA: « le 1 mars » must read « le 1er mars ».
const march1 = new Date("2027-03-01T10:00:00Z");
const long = (locale: string, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }) =>
  new AppDateTimeFormat(locale, { timeZone: "Europe/Brussels", ...options }).format(date);

test("French writes the first of the month as « 1er » when the month is in words", () => {
  assert.equal(long("fr-BE", march1), "1er mars 2027");
  assert.equal(long("fr-BE", march1, { dateStyle: "full" }), "lundi 1er mars 2027");
  assert.equal(long("fr-BE", march1, { day: "numeric", month: "long", year: "numeric" }), "1er mars 2027");
  assert.equal(long("fr-BE", march1, { day: "2-digit", month: "short" }), "1er mars");
  assert.ok(new AppDateTimeFormat("fr-BE", { dateStyle: "long", timeZone: "UTC" }).formatToParts(march1).some((p) => p.type === "day" && p.value === "1er"));
});

test("other days, numeric dates and other languages are unchanged", () => {
  assert.equal(long("fr-BE", new Date("2027-03-11T10:00:00Z")), "11 mars 2027");
  assert.equal(long("fr-BE", new Date("2027-03-21T10:00:00Z")), "21 mars 2027");
  assert.equal(long("fr-BE", march1, { dateStyle: "short" }), "1/03/27");
  assert.equal(long("nl-BE", march1), "1 maart 2027");
  assert.equal(long("en-BE", march1), "1 March 2027");
  assert.equal(long("de-BE", march1), "1. März 2027");
});

test("the Brussels day decides: 28 February 23:30 UTC is already 1 March in Brussels", () => {
  assert.equal(long("fr-BE", new Date("2027-02-28T23:30:00Z")), "1er mars 2027");
});
