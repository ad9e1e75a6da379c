import "server-only";
import type { Connection } from "ssh2";
import { knownContactLanguage } from "./contact-language";
import type { Language } from "./reasons";
import { disconnectWithDescription } from "./ssh-disconnect";

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

/** Ends the SFTP connection of a session whose account went away, saying why in the sender's contact language (else English). */
export function endSession(client: Connection, senderId: string, why: "account-deleted" | "account-gone"): void {
  knownContactLanguage(senderId)
    .catch(() => null)
    .then((language) => disconnectWithDescription(client, sessionEndedText(why, language)));
}
