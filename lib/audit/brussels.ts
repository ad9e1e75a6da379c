// The journal's days are Belgian days: « du 3 mars au 3 mars » means midnight to midnight in
// Europe/Brussels, whatever the server's time zone (CET/CEST, DST included).

export const JOURNAL_TIME_ZONE = "Europe/Brussels";

/** Offset of Europe/Brussels from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: JOURNAL_TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a Brussels calendar day (YYYY-MM-DD) starts. */
export function brusselsDayStart(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const guess = new Date(utcMidnight.getTime() - brusselsOffsetMinutes(utcMidnight) * 60_000);
  // Re-check at the guessed instant: the offset may differ on a DST day.
  return new Date(utcMidnight.getTime() - brusselsOffsetMinutes(guess) * 60_000);
}

/** The last millisecond of a Brussels calendar day. */
export function brusselsDayEnd(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(brusselsDayStart(next.toISOString().slice(0, 10)).getTime() - 1);
}

/**
 * Date and time of a journal event as a Belgian reader writes it (30/11/2026 07:35:17, de 30.11.2026
 * 07:35:17), in Europe/Brussels: the page and the CSV export show the same text. English uses en-BE (day
 * first). Intl puts « , » between date and time for nl/en/de-BE; it is dropped so Belgian Excel reads the
 * CSV column as date-times, not text.
 */
export function journalTimeFormat(locale: string): { format(date: Date): string } {
  const intl = new Intl.DateTimeFormat(`${locale}-BE`, { timeZone: JOURNAL_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  return { format: (date) => intl.format(date).replace(/,\s*/, " ") };
}
