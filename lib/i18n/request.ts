import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadCompiledMessages } from "./load-messages";
import { defaultLocale, isLocale } from "./locales";
import { LOCALE_COOKIE } from "./locales";

// French by default, as the Chaman guide; the language menu stores another choice in a cookie.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, messages: loadCompiledMessages(locale), timeZone: "Europe/Brussels" };
});
