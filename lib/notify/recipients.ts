import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { joinSenderOwner } from "@/lib/channels/queries";
import type { Queryable } from "@/lib/db/client";
import { contacts, enterpriseQualities, enterprises, qualities, senders } from "@/lib/db/schema";
import { mailLocale } from "./render";
import type { Locale } from "@/lib/i18n/locales";

// SPEC §2 and seed 002 (FAQ « Dois-je obligatoirement fournir des données de contact ? »): the one contact
// person of a sender receives the important communications about its channels, in its « Langue ».

/** The contact person of a sender, with what a mail needs to say why they receive it. */
export interface ContactRecipient {
  email: string;
  name: string;
  locale: Locale;
  senderId: string;
  senderNumber: string;
  enterpriseId: string;
  enterpriseName: string;
}

function recipientQuery(q: Queryable) {
  return joinSenderOwner(q
    .select({
      email: contacts.email,
      name: contacts.name,
      language: contacts.language,
      senderId: senders.id,
      senderNumber: senders.senderNumber,
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
    })
    .from(contacts)
    .innerJoin(senders, eq(senders.id, contacts.senderId))
    .$dynamic());
}

function toRecipient(row: Awaited<ReturnType<typeof recipientQuery>>[number] | undefined): ContactRecipient | null {
  if (!row) return null;
  const { language, ...rest } = row;
  return { ...rest, locale: mailLocale(language) };
}

/** The contact of the sender of `enterpriseId` + `qualityId`; null while it has no contact data. */
export async function contactOfEnterpriseQuality(q: Queryable, enterpriseId: string, qualityId: number): Promise<ContactRecipient | null> {
  const [row] = await recipientQuery(q)
    .where(and(eq(enterpriseQualities.enterpriseId, enterpriseId), eq(enterpriseQualities.qualityId, qualityId)))
    .limit(1);
  return toRecipient(row);
}

/** The contact of one sender; null while it has no contact data. */
export async function contactOfSender(q: Queryable, senderId: string): Promise<ContactRecipient | null> {
  const [row] = await recipientQuery(q).where(eq(senders.id, senderId)).limit(1);
  return toRecipient(row);
}

/**
 * The technical intermediary's contact for delegations. A delegation names the intermediary enterprise,
 * not one of its qualities, so its first sender with contact data speaks for it (quality order of the
 * catalogue, then sender number): deterministic, and usually its only sender (« Prestataire de services »).
 */
export async function contactOfIntermediary(q: Queryable, intermediaryId: string): Promise<ContactRecipient | null> {
  const [row] = await recipientQuery(q)
    .where(eq(enterpriseQualities.enterpriseId, intermediaryId))
    .orderBy(asc(qualities.sortOrder), asc(senders.senderNumber))
    .limit(1);
  return toRecipient(row);
}
