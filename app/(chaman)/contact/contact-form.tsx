"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/field-error";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/fields";
import type { CallingCodeOption } from "@/lib/contact/calling-codes";
import type { ContactView } from "@/lib/contact/contact";
import { useFormAction } from "../accounts/_components/use-form-action";
import { saveContactAction } from "./actions";

const languages = ["fr", "nl", "de", "en"] as const;

/** « Données de contact » form (seed 004): Nom, Indicatif, Numéro de téléphone, Adresse email, Langue. */
export function ContactForm({ contact, callingCodes, first }: { contact: ContactView | null; callingCodes: CallingCodeOption[]; first: boolean }) {
  const t = useTranslations("contact");
  const router = useRouter();
  // After the first save the channel screens open; after an update, the contact data is shown again.
  const tf = useTranslations("feedback.done");
  const form = useFormAction(saveContactAction, () => router.push(first ? "/" : "/contact"), () => tf("contactSaved"));
  const { errors } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormError problem={form.formProblem} />
      <TextField id="contact-name" name="name" label={t("name")} problem={errors.name} defaultValue={contact?.name} autoComplete="name" maxLength={100} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr]">
        <SelectField id="contact-countryCode" name="countryCode" label={t("countryCode")} problem={errors.countryCode} defaultValue={contact?.countryCode ?? "+32"}>
          {callingCodes.map((code) => (
            <option key={code.value} value={code.value}>
              {code.label}
            </option>
          ))}
        </SelectField>
        <TextField id="contact-phone" name="phone" type="tel" label={t("phone")} problem={errors.phone} defaultValue={contact?.phone} autoComplete="tel-national" maxLength={30} />
        <TextField id="contact-email" name="email" type="email" label={t("email")} problem={errors.email} defaultValue={contact?.email} autoComplete="email" maxLength={254} />
      </div>
      <SelectField id="contact-language" name="language" label={t("language")} problem={errors.language} defaultValue={contact?.language ?? "fr"}>
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <button type="submit" className={primaryButton} disabled={form.pending}>
          {t("validate")}
        </button>
        {first ? (
          <button type="reset" className={secondaryButton} onClick={form.reset}>
            {t("cancel")}
          </button>
        ) : (
          <button type="button" className={secondaryButton} onClick={() => router.push("/contact")}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
