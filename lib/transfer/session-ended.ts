import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { contacts } from "@/lib/db/schema";
import type { Language } from "./reasons";

/**
 * Why the server ends a logged-in batch session whose account went away (issue 15): said to the client
 * in the sender's contact language, else English. Plain ASCII on purpose: OpenSSH prints a disconnect
 * description with non-ASCII bytes escaped (« supprim\303\251 »), so accents are left out.
 */
const TEXTS: Record<"account-deleted" | "account-gone", Record<Language, string>> = {
  "account-deleted": {
    fr: "Compte supprime : connexion fermee",
    nl: "Account verwijderd: verbinding gesloten",
    en: "Account deleted: connection closed",
    de: "Konto geloescht: Verbindung getrennt",
  },
  "account-gone": {
    fr: "Compte plus valable (cle ou mot de passe change) : connexion fermee",
    nl: "Account niet meer geldig (sleutel of wachtwoord gewijzigd): verbinding gesloten",
    en: "Account no longer valid (key or password changed): connection closed",
    de: "Konto nicht mehr gueltig (Schluessel oder Passwort geaendert): Verbindung getrennt",
  },
};

/** The text for `why`, in `language` (null: not known → English). */
export function sessionEndedText(why: "account-deleted" | "account-gone", language: Language | null): string {
  return TEXTS[why][language ?? "en"];
}

/** The sender's contact language, or null when the sender has no contact data yet. */
export async function knownContactLanguage(senderId: string): Promise<Language | null> {
  const [contact] = await (await getDb()).select({ language: contacts.language }).from(contacts).where(eq(contacts.senderId, senderId)).limit(1);
  const language = contact?.language;
  return language === "fr" || language === "nl" || language === "en" || language === "de" ? language : null;
}
