// Issue 16: when the contact person is told that a certificate expires (pure, framework-free).

/** Days before the expiry date at which the contact is told; 0 is the day it expires. */
export const EXPIRY_THRESHOLDS = [60, 30, 7, 0] as const;
export type ExpiryThreshold = (typeof EXPIRY_THRESHOLDS)[number];

const TIME_ZONE = "Europe/Brussels";
const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day of `date` in Belgium, as days since 1970-01-01 (so days are Belgian days, DST included). */
function belgianDay(date: Date): number {
  return Math.round(Date.parse(`${dayKey.format(date)}T00:00:00Z`) / 86_400_000);
}

/**
 * Whole Belgian calendar days from `now` to `notAfter` (RFC 5280 §4.1.2.5 notAfter): 0 on the day the
 * certificate expires, negative once that day is past.
 */
export function daysUntil(notAfter: Date, now: Date): number {
  return belgianDay(notAfter) - belgianDay(now);
}

/**
 * What the daily job does for one certificate `daysLeft` days before its expiry, given the thresholds
 * already handled. Every threshold reached is recorded (so it is never handled again); only the most
 * urgent one not yet handled is mailed: after downtime (or for a certificate uploaded 20 days before its
 * expiry) the contact gets one mail with the true number of days, not a burst of stale ones. Nothing once
 * the expiry day is past: the « À faire » panel shows expired certificates.
 */
export function expiryPlan(daysLeft: number, handled: readonly number[]): { record: ExpiryThreshold[]; mail: ExpiryThreshold | null } {
  if (daysLeft < 0) return { record: [], mail: null };
  const reached = EXPIRY_THRESHOLDS.filter((t) => daysLeft <= t);
  const record = reached.filter((t) => !handled.includes(t));
  const mostUrgent = reached[reached.length - 1];
  return { record, mail: mostUrgent !== undefined && record.includes(mostUrgent) ? mostUrgent : null };
}
