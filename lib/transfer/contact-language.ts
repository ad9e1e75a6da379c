import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { contacts } from "@/lib/db/schema";
import type { Language } from "./reasons";

/** The sender's contact language (SPEC §2 contact data), or null when the sender has no contact data yet. */
export async function knownContactLanguage(senderId: string): Promise<Language | null> {
  const [contact] = await (await getDb()).select({ language: contacts.language }).from(contacts).where(eq(contacts.senderId, senderId)).limit(1);
  return contact?.language ?? null;
}

/** The sender's contact language, French when none is set: the words of a NOTIF answer (seed 000 §3.2). */
export async function contactLanguage(senderId: string): Promise<Language> {
  return (await knownContactLanguage(senderId)) ?? "fr";
}
