import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { _createCache, _createIntlFormatters, createFormatter } from "use-intl/core";
import { AppDateTimeFormat } from "./first-of-month";
import { formattingLocale } from "./formatting-locale";

/**
 * next-intl's formatter for dates and numbers, with the Belgian variant of the reader's language
 * (fr-BE, nl-BE, en-BE, de-BE): English reads 30/11/2026 and « 30 November 2026 », never the US
 * 11/30/26 that the bare `en` tag gives (issue 13). Use it instead of `getFormatter()`.
 * `getFormatter({ locale })` cannot do this: its override goes through lib/i18n/request.ts, which
 * answers with the UI language of the cookie; use-intl's own `createFormatter` takes the tag as is.
 * Dates go through AppDateTimeFormat: French writes « 1er mars » (lib/i18n/first-of-month.ts).
 */
export async function getAppFormatter(): Promise<ReturnType<typeof createFormatter>> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  const formatters = { ..._createIntlFormatters(_createCache()), getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new AppDateTimeFormat(...args) };
  return createFormatter({ locale: formattingLocale(locale), timeZone, _formatters: formatters });
}
