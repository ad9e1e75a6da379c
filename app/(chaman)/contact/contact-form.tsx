"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FieldError, FormError } from "@/components/ui/field-error";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/buttons";
import type { ContactView } from "@/lib/contact/contact";
import { describedBy, RequiredMark, TextField } from "../accounts/_components/fields";
import { useFormAction } from "../accounts/_components/use-form-action";
import { saveContactAction } from "./actions";

/** « Données de contact » form (seed 004): Nom, Indicatif, Numéro de téléphone, Adresse email, Langue. */
export function ContactForm({ contact, callingCodes, first }: { contact: ContactView | null; callingCodes: string[]; first: boolean }) {
  const t = useTranslations("contact");
  const router = useRouter();
  // After the first save the channel screens open; after an update, the contact data is shown again.
  const form = useFormAction(saveContactAction, () => router.push(first ? "/" : "/contact"));
  const { errors } = form;
  const select = (id: string, name: string, label: string, options: Array<[string, string]>, defaultValue: string) => (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        <RequiredMark />
      </label>
      <select id={id} name={name} required defaultValue={defaultValue} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(id, errors[name], false)} className={inputClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={id} problem={errors[name]} />
    </div>
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormError problem={form.formProblem} />
      <TextField id="contact-name" name="name" label={t("name")} problem={errors.name} defaultValue={contact?.name} autoComplete="name" maxLength={100} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr]">
        {select("contact-countryCode", "countryCode", t("countryCode"), callingCodes.map((c) => [c, c]), contact?.countryCode ?? "+32")}
        <TextField id="contact-phone" name="phone" type="tel" label={t("phone")} problem={errors.phone} defaultValue={contact?.phone} autoComplete="tel-national" maxLength={30} />
        <TextField id="contact-email" name="email" type="email" label={t("email")} problem={errors.email} defaultValue={contact?.email} autoComplete="email" maxLength={254} />
      </div>
      {select(
        "contact-language",
        "language",
        t("language"),
        (["fr", "nl", "de", "en"] as const).map((l) => [l, t(`languages.${l}`)]),
        contact?.language ?? "fr",
      )}
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
