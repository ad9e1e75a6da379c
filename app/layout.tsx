import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appTitle") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Only the namespaces client components use: the whole catalogue was most of every page's bytes. */}
        <NextIntlClientProvider messages={clientMessages(await getMessages())}>
          <DemoBanner />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
