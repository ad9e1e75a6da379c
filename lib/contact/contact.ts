import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { contacts } from "@/lib/db/schema";
import { actingSender, auditActor, fieldFailures, type FieldFailure, type ServiceActor, type ServiceResult } from "@/lib/channels/service";
import { checkEmail } from "@/lib/rules/email";
import { checkPhone } from "@/lib/rules/phone";

export const CONTACT_LANGUAGES = ["fr", "nl", "de", "en"] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export interface ContactView {
  name: string;
  countryCode: string;
  phone: string;
  phoneE164: string;
  email: string;
  language: ContactLanguage;
}

export async function getContact(q: Queryable, senderId: string): Promise<ContactView | null> {
  const [row] = await q
    .select({ name: contacts.name, countryCode: contacts.countryCode, phone: contacts.phone, phoneE164: contacts.phoneE164, email: contacts.email, language: contacts.language })
    .from(contacts)
    .where(eq(contacts.senderId, senderId))
    .limit(1);
  return row ?? null;
}

export interface ContactInput {
  name: string;
  countryCode: string;
  phone: string;
  email: string;
  language: ContactLanguage;
}

/**
 * Creates or updates the one contact person of the acting sender (SPEC §2). The sender id is the
 * primary key, so two parallel first saves end in one row (upsert), never two contacts.
 */
export async function saveContact(db: Db, actor: ServiceActor, input: ContactInput): Promise<ServiceResult<{ created: boolean }>> {
  const sender = actingSender(actor);
  if (!sender.ok) return sender;
  const problems: FieldFailure[] = [];
  const phone = checkPhone({ callingCode: input.countryCode, number: input.phone });
  if (!phone.ok) problems.push({ field: phone.code === "phone.country-code" && phone.params.reason === "unknown" ? "countryCode" : "phone", code: phone.code, params: phone.params });
  const email = checkEmail(input.email);
  if (!email.ok) problems.push({ field: "email", code: email.code, params: email.params });
  const refused = fieldFailures(problems);
  if (refused || !phone.ok || !email.ok) return refused ?? { ok: false, code: "input.invalid" };

  const values = {
    name: input.name,
    countryCode: phone.callingCode,
    phone: input.phone,
    phoneE164: phone.e164,
    email: email.email,
    language: input.language,
    updatedAt: new Date(),
    updatedBy: actor.userId,
  };
  const created = await db.transaction(async (tx) => {
    const before = await getContact(tx, sender.senderId);
    // xmax = 0 only for a freshly inserted row: tells create from update even when two first saves race.
    const [row] = await tx
      .insert(contacts)
      .values({ senderId: sender.senderId, ...values })
      .onConflictDoUpdate({ target: contacts.senderId, set: values })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const inserted = row?.inserted === true;
    await recordEvent(tx, {
      ...auditActor(actor),
      senderId: sender.senderId,
      action: inserted ? "contact.create" : "contact.update",
      targetType: "contact",
      targetId: sender.senderId,
      summary: {
        ...(before ? { before: { name: before.name, phone: before.phoneE164, email: before.email, language: before.language } } : {}),
        after: { name: input.name, phone: phone.e164, email: input.email, language: input.language },
      },
    });
    return inserted;
  });
  return { ok: true, created };
}
