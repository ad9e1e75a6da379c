// French writes the first day of a month as an ordinal: « le 1er mars 2027 », never « le 1 mars »
// (Office québécois / Académie française usage, also Belgian administrative style); the other days are
// cardinals. Intl (CLDR) has no such option, so dates whose month is written in words go through this
// formatter. Pure and framework-free; lib/i18n/format.ts, the mails and the journals use it.

/** The parts of a formatted date with « 1 » → « 1er » when French and the month is in words. */
export function withFrenchFirstOfMonth(parts: Intl.DateTimeFormatPart[], locale: string): Intl.DateTimeFormatPart[] {
  if (!/^fr\b/i.test(locale)) return parts;
  const monthInWords = parts.some((p) => p.type === "month" && /\p{L}/u.test(p.value));
  if (!monthInWords) return parts;
  return parts.map((p) => (p.type === "day" && /^0?1$/.test(p.value) ? { ...p, value: "1er" } : p));
}

/**
 * An Intl.DateTimeFormat (same arguments, a drop-in replacement) whose `format` and `formatToParts` write
 * the first of the month « 1er » in French when the month is in words (dateStyle "long"/"full", or
 * month "long"/"short"). Other languages and numeric dates (01/03/2027) are unchanged. Ranges
 * (`formatRange`) are Intl's own.
 */
export class AppDateTimeFormat extends Intl.DateTimeFormat {
  override formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    return withFrenchFirstOfMonth(super.formatToParts(date), this.resolvedOptions().locale);
  }

  override format(date?: Date | number): string {
    return this.formatToParts(date)
      .map((p) => p.value)
      .join("");
  }
}
