"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { getActor, toServiceActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { failureState, invalidInputState, problemKey } from "@/lib/channels/form-state";
import { checkEmail } from "@/lib/rules/email";
import { checkPhone } from "@/lib/rules/phone";
import { CONTACT_LANGUAGES, saveContact } from "@/lib/contact/contact";
import { textField } from "@/lib/validation/text";

const contactSchema = z.object({
  name: textField({ max: 100 }),
  countryCode: textField({ max: 8 }),
  phone: textField({ max: 30 }),
  // The address itself is checked by the rule (lib/rules/email.ts), whose messages say what is wrong.
  email: textField({ max: 254 }),
  language: z.enum(CONTACT_LANGUAGES),
});

/** « Valider » of « Données de contact » (SPEC §2): signed in → Chaman access → input → rules. */
export async function saveContactAction(formData: FormData): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return formError("errors.auth.required");
  const ctx = actor.current;
  if (!ctx?.chamanAccess || !ctx.senderId) return formError("errors.access.denied");
  const parsed = contactSchema.safeParse(Object.fromEntries(["name", "countryCode", "phone", "email", "language"].map((k) => [k, formData.get(k) ?? undefined])));
  if (!parsed.success) {
    // Issue 13: every field's problem at once — the phone rule too, not only after the others pass.
    const state = invalidInputState(parsed.error);
    const countryCode = String(formData.get("countryCode") ?? "").trim();
    const phone = String(formData.get("phone") ?? "").trim();
    if (state.status === "error" && countryCode && phone && !state.fieldErrors.phone && !state.fieldErrors.countryCode) {
      const checked = checkPhone({ callingCode: countryCode, number: phone });
      if (!checked.ok) {
        const field = checked.code === "phone.country-code" && checked.params.reason === "unknown" ? "countryCode" : "phone";
        state.fieldErrors[field] = { key: problemKey(checked.code), params: checked.params };
      }
    }
    const email = String(formData.get("email") ?? "").trim();
    if (state.status === "error" && email && !state.fieldErrors.email) {
      const checked = checkEmail(email);
      if (!checked.ok) state.fieldErrors.email = { key: problemKey(checked.code), params: checked.params };
    }
    return state;
  }
  const result = await saveContact(await getDb(), toServiceActor(actor, ctx), parsed.data);
  if (!result.ok) return failureState(result);
  revalidatePath("/", "layout");
  return { status: "success" };
}
