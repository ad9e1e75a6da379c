import "server-only";
import { getFormatter, getLocale } from "next-intl/server";
import { formattingLocale } from "./formatting-locale";

/**
 * next-intl's formatter for dates and numbers, with the Belgian variant of the reader's language
 * (fr-BE, nl-BE, en-BE, de-BE): English reads 30/11/2026 and « 30 November 2026 », never the US
 * 11/30/26 that the bare `en` tag gives (issue 13). Use it instead of `getFormatter()`.
 */
export async function getAppFormatter(): Promise<Awaited<ReturnType<typeof getFormatter>>> {
  return getFormatter({ locale: formattingLocale(await getLocale()) });
}
