import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/locales";
import { setLocale } from "./locale-actions";

/** Four buttons in a form: works without JavaScript, and each names its language in that language. */
export async function LanguageMenu() {
  const current = await getLocale();
  const t = await getTranslations("common.language");
  return (
    <form action={setLocale} aria-label={t("label")} className="flex gap-1">
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          title={t(locale)}
          className="rounded px-2 py-1 text-xs font-semibold uppercase hover:bg-white/20 aria-pressed:bg-white aria-pressed:text-brand"
        >
          <span aria-hidden="true">{locale}</span>
          <span className="sr-only">{t(locale)}</span>
        </button>
      ))}
    </form>
  );
}
