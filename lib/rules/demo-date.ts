// Issue 17 QA: the trainer's « Date de démonstration » accepted any date up to 9999. It is bounded to a
// range that still makes sense for certificates (their validity is counted in years): from 5 years before
// the real today to 20 years after it (the demo CAs are valid 10 years from the seed: a trainer can still show them expired).
// Pure and framework-free; the admin action translates the codes
// (« demo-clock.* »).

/** How far back and ahead of the real today the demonstration clock may be moved, in years. */
export const DEMO_DATE_YEARS_BACK = 5;
export const DEMO_DATE_YEARS_AHEAD = 20;

export type DemoDateFailure =
  | { ok: false; code: "dateShape" }
  | { ok: false; code: "outOfRange"; params: { min: string; max: string } };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of `instant` in `timeZone`, as YYYY-MM-DD. */
function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** `day` (YYYY-MM-DD) moved by `years`; 29 February becomes 28 February in a common year. */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The accepted range of demonstration dates (inclusive, YYYY-MM-DD) when the real date is `realNow`:
 * the Brussels day of `realNow` − 5 years … + 20 years.
 */
export function demoDateRange(realNow: Date, timeZone = "Europe/Brussels"): { min: string; max: string } {
  const today = dayIn(realNow, timeZone);
  return { min: addYears(today, -DEMO_DATE_YEARS_BACK), max: addYears(today, DEMO_DATE_YEARS_AHEAD) };
}

/**
 * Checks a typed demonstration date (an `<input type="date">` value, YYYY-MM-DD; empty: back to the real
 * date → `date: null`). A day that does not exist (2027-02-30) → dateShape; outside demoDateRange →
 * outOfRange with the range. The accepted date is noon UTC of that day: the same calendar day in Brussels
 * whatever the season.
 */
export function checkDemoDate(raw: string, realNow: Date): { ok: true; date: Date | null } | DemoDateFailure {
  const value = raw.trim();
  if (value === "") return { ok: true, date: null };
  const parts = ISO_DAY.exec(value);
  if (!parts) return { ok: false, code: "dateShape" };
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return { ok: false, code: "dateShape" };
  const range = demoDateRange(realNow);
  if (value < range.min || value > range.max) return { ok: false, code: "outOfRange", params: range };
  return { ok: true, date };
}
