// Issue 13: dates and numbers are written as in Belgium in every language of the app (day first,
// 24-hour clock), so formatting uses the -BE variant of the language tag.

/** The BCP 47 tag to format dates and numbers with for a UI language: `en` → `en-BE`. Pure. */
export function formattingLocale(locale: string): string {
  const language = locale.split("-")[0] || "fr";
  return `${language}-BE`;
}
