export const locales = ["fr", "nl", "en", "de"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the name in the user's language from a row with nameFr/nameNl/nameEn/nameDe columns. */
export function localizedName(row: { nameFr: string; nameNl: string; nameEn: string; nameDe: string }, locale: string): string {
  switch (locale) {
    case "nl":
      return row.nameNl;
    case "en":
      return row.nameEn;
    case "de":
      return row.nameDe;
    default:
      return row.nameFr;
  }
}
