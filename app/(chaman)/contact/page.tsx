import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { primaryButton } from "@/components/ui/buttons";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { getContact } from "@/lib/contact/contact";
import { callingCodeOptions } from "@/lib/contact/calling-codes";
import type { Locale } from "@/lib/i18n/locales";
import { ContactForm } from "./contact-form";

// « Données de contact » (SPEC §2, seed 004): asked at the first connection, then shown with « Mettre à jour ».
export default async function ContactPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const { ctx } = await requireChamanAccess();
  if (!ctx.senderId) forbidden();
  const contact = await getContact(await getDb(), ctx.senderId);
  const editing = contact === null || (await searchParams).edit === "1";
  const [t, locale] = await Promise.all([getTranslations("contact"), getLocale() as Promise<Locale>]);
  return (
    <section aria-labelledby="contact-title" className="rounded-lg bg-white p-6 shadow">
      <h1 id="contact-title" className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      {editing ? (
        <>
          <p className="mb-4">{t("intro", { enterprise: ctx.enterpriseName, quality: ctx.qualityName[locale] })}</p>
          <ContactForm contact={contact} callingCodes={callingCodeOptions(locale)} first={contact === null} />
        </>
      ) : (
        <>
          <dl className="space-y-1">
            <dt className="sr-only">{t("name")}</dt>
            <dd>
              {contact.name} - {contact.language}
            </dd>
            <dt className="sr-only">{t("phone")}</dt>
            <dd>{formatPhone(contact.countryCode, contact.phoneE164)}</dd>
            <dt className="sr-only">{t("email")}</dt>
            <dd>{contact.email}</dd>
          </dl>
          <Link href="/contact?edit=1" className={`${primaryButton} mt-4`}>
            {t("update")}
          </Link>
        </>
      )}
    </section>
  );
}

/** « +32 456 98 65 32 »: the calling code, then the national digits in pairs (seed 004). */
function formatPhone(countryCode: string, e164: string): string {
  const national = e164.startsWith(countryCode) ? e164.slice(countryCode.length) : e164;
  const head = national.slice(0, 3);
  const rest = national.slice(head.length).match(/.{1,2}/g) ?? [];
  return [countryCode, head, ...rest].join(" ");
}
