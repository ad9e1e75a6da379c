import assert from "node:assert/strict";
import { test } from "node:test";
import { brusselsDayEnd, brusselsDayStart, journalTimeFormat } from "./brussels";

test("a Brussels day starts at 23:00 UTC in winter and 22:00 UTC in summer", () => {
  assert.equal(brusselsDayStart("2026-01-15").toISOString(), "2026-01-14T23:00:00.000Z");
  assert.equal(brusselsDayStart("2026-07-15").toISOString(), "2026-07-14T22:00:00.000Z");
  assert.equal(brusselsDayEnd("2026-07-15").toISOString(), "2026-07-15T21:59:59.999Z");
});

test("DST days: 29 March 2026 lasts 23 hours, 25 October 2026 lasts 25 hours", () => {
  assert.equal(brusselsDayStart("2026-03-29").toISOString(), "2026-03-28T23:00:00.000Z");
  assert.equal(brusselsDayEnd("2026-03-29").toISOString(), "2026-03-29T21:59:59.999Z");
  assert.equal(brusselsDayStart("2026-10-25").toISOString(), "2026-10-24T22:00:00.000Z");
  assert.equal(brusselsDayEnd("2026-10-25").toISOString(), "2026-10-25T22:59:59.999Z");
});

test("journal times are day-first in Brussels time in the four languages (EN not US style)", () => {
  const at = new Date("2026-11-30T06:35:17Z");
  for (const locale of ["fr", "nl", "en", "de"]) assert.match(journalTimeFormat(locale).format(at), /^30[./]11[./]2026,? 07:35:17$/, locale);
});

test("journal times have no comma between date and time, so Belgian Excel reads the CSV column as date-times (QA: nl/en/de gave « 30/11/2026, 07:35:17 », kept as text)", () => {
  const at = new Date("2026-11-30T06:35:17Z");
  assert.equal(journalTimeFormat("fr").format(at), "30/11/2026 07:35:17");
  assert.equal(journalTimeFormat("nl").format(at), "30/11/2026 07:35:17");
  assert.equal(journalTimeFormat("en").format(at), "30/11/2026 07:35:17");
  assert.equal(journalTimeFormat("de").format(at), "30.11.2026 07:35:17");
});
