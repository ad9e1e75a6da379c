/**
 * Why a declaration is refused (issue 15, seed 000 §3–4): one code per problem, and its words in the
 * four contact languages (SPEC §2). The refusal notification in OUT and the « Transferts » page both
 * use these texts. Pure.
 */
import type { DeclarationReason } from "@/lib/db/schema/transfer";

export type Language = "fr" | "nl" | "en" | "de";

export const REASON_CODES = [
  "name.sender-mismatch",
  "name.application-unknown",
  "name.application-not-permitted",
  "name.wrong-folder",
  "go.without-fi",
  "part.missing",
  "part.too-large",
  "fs.missing",
  "fs.unreadable",
  "fs.not-detached",
  "fs.several-signers",
  "fs.invalid",
  "fs.signer-mismatch",
  "fs.certificate-not-valid",
  "fs.no-certificate",
  "parts.count-mismatch",
  "part.above-count",
  "parts.missing-more",
  "declaration.already-answered",
  "go-name.field-count",
  "go-name.prefix",
  "go-name.application",
  "go-name.sender",
  "go-name.date",
  "go-name.sequence",
  "go-name.environment",
  "go-name.parts",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

type Texts = Record<Language, string>;

// {name} placeholders are filled from the reason's params.
const TEXTS: Record<ReasonCode, Texts> = {
  "name.sender-mismatch": {
    fr: "Le numéro d’expéditeur {found} du nom de fichier n’est pas le vôtre ({expected}).",
    nl: "Het verzendernummer {found} in de bestandsnaam is niet het uwe ({expected}).",
    en: "The sender number {found} in the file name is not yours ({expected}).",
    de: "Die Absendernummer {found} im Dateinamen ist nicht Ihre ({expected}).",
  },
  "name.application-unknown": {
    fr: "L’application {application} n’existe pas.",
    nl: "De toepassing {application} bestaat niet.",
    en: "The application {application} does not exist.",
    de: "Die Anwendung {application} existiert nicht.",
  },
  "name.application-not-permitted": {
    fr: "Votre compte n’a pas la permission pour l’application {application}.",
    nl: "Uw account heeft geen toelating voor de toepassing {application}.",
    en: "Your account does not hold the permission for the application {application}.",
    de: "Ihr Konto hat keine Berechtigung für die Anwendung {application}.",
  },
  "name.wrong-folder": {
    fr: "Les fichiers de l’environnement {environment} vont dans le répertoire {expected}, pas dans {folder}.",
    nl: "Bestanden van omgeving {environment} horen in de map {expected}, niet in {folder}.",
    en: "Files of environment {environment} belong in the folder {expected}, not in {folder}.",
    de: "Dateien der Umgebung {environment} gehören in den Ordner {expected}, nicht in {folder}.",
  },
  "go.without-fi": {
    fr: "Le fichier GO {file} n’est accompagné d’aucun fichier de déclaration (FI).",
    nl: "Bij het GO-bestand {file} hoort geen enkel aangiftebestand (FI).",
    en: "The GO file {file} has no declaration file (FI) with it.",
    de: "Zur GO-Datei {file} gibt es keine Meldungsdatei (FI).",
  },
  "part.missing": {
    fr: "La partie {file} manque.",
    nl: "Het deel {file} ontbreekt.",
    en: "The part {file} is missing.",
    de: "Der Teil {file} fehlt.",
  },
  "parts.missing-more": {
    fr: "Et {count} autre(s) partie(s) manquent, sur les {parts} annoncées par le fichier GO.",
    nl: "En nog {count} ander(e) deel/delen ontbreken, van de {parts} die het GO-bestand aankondigt.",
    en: "And {count} more part(s) are missing, of the {parts} the GO file announces.",
    de: "Und {count} weitere Teil(e) fehlen, von den {parts}, die die GO-Datei ankündigt.",
  },
  "part.too-large": {
    fr: "Le fichier {file} est trop grand pour être traité.",
    nl: "Het bestand {file} is te groot om te verwerken.",
    en: "The file {file} is too large to be processed.",
    de: "Die Datei {file} ist zu groß für die Verarbeitung.",
  },
  "fs.missing": {
    fr: "Le fichier de signature {file} manque : chaque partie d’un envoi de production (R) doit être signée.",
    nl: "Het handtekeningbestand {file} ontbreekt: elk deel van een productiezending (R) moet ondertekend zijn.",
    en: "The signature file {file} is missing: every part of a production (R) declaration must be signed.",
    de: "Die Signaturdatei {file} fehlt: jeder Teil einer Produktionssendung (R) muss signiert sein.",
  },
  "fs.unreadable": {
    fr: "Le fichier de signature {file} n’est pas une signature PKCS#7 lisible.",
    nl: "Het handtekeningbestand {file} is geen leesbare PKCS#7-handtekening.",
    en: "The signature file {file} is not a readable PKCS#7 signature.",
    de: "Die Signaturdatei {file} ist keine lesbare PKCS#7-Signatur.",
  },
  "fs.not-detached": {
    fr: "Le fichier de signature {file} contient lui-même des données signées (signature non détachée, -nodetach) : signez le fichier de déclaration sans -nodetach.",
    nl: "Het handtekeningbestand {file} bevat zelf ondertekende gegevens (niet-losse handtekening, -nodetach): onderteken het aangiftebestand zonder -nodetach.",
    en: "The signature file {file} contains signed data itself (not a detached signature, -nodetach): sign the declaration file without -nodetach.",
    de: "Die Signaturdatei {file} enthält selbst signierte Daten (keine abgetrennte Signatur, -nodetach): signieren Sie die Meldungsdatei ohne -nodetach.",
  },
  "fs.several-signers": {
    fr: "Le fichier de signature {file} contient plusieurs signataires : une seule signature, faite avec le certificat de votre compte, est acceptée.",
    nl: "Het handtekeningbestand {file} bevat meerdere ondertekenaars: slechts één handtekening, gemaakt met het certificaat van uw account, wordt aanvaard.",
    en: "The signature file {file} has several signers: only one signature, made with your account's certificate, is accepted.",
    de: "Die Signaturdatei {file} enthält mehrere Unterzeichner: nur eine Signatur, erstellt mit dem Zertifikat Ihres Kontos, wird akzeptiert.",
  },
  "fs.invalid": {
    fr: "La signature {file} ne correspond pas au contenu du fichier de déclaration.",
    nl: "De handtekening {file} komt niet overeen met de inhoud van het aangiftebestand.",
    en: "The signature {file} does not match the content of the declaration file.",
    de: "Die Signatur {file} passt nicht zum Inhalt der Meldungsdatei.",
  },
  "fs.signer-mismatch": {
    fr: "La signature {file} n’a pas été faite avec le certificat enregistré sur votre compte.",
    nl: "De handtekening {file} werd niet gemaakt met het certificaat dat op uw account geregistreerd is.",
    en: "The signature {file} was not made with the certificate registered on your account.",
    de: "Die Signatur {file} wurde nicht mit dem auf Ihrem Konto registrierten Zertifikat erstellt.",
  },
  "fs.certificate-not-valid": {
    fr: "Le certificat enregistré sur votre compte n’est pas valide aujourd’hui (signature {file}).",
    nl: "Het certificaat op uw account is vandaag niet geldig (handtekening {file}).",
    en: "The certificate registered on your account is not valid today (signature {file}).",
    de: "Das auf Ihrem Konto registrierte Zertifikat ist heute nicht gültig (Signatur {file}).",
  },
  "fs.no-certificate": {
    fr: "Votre compte n’a pas de certificat lisible pour vérifier la signature {file}.",
    nl: "Uw account heeft geen leesbaar certificaat om de handtekening {file} te controleren.",
    en: "Your account has no readable certificate to check the signature {file}.",
    de: "Ihr Konto hat kein lesbares Zertifikat, um die Signatur {file} zu prüfen.",
  },
  "parts.count-mismatch": {
    fr: "Le fichier GO annonce {declared} partie(s), mais le fichier {file} en annonce {found}.",
    nl: "Het GO-bestand kondigt {declared} deel/delen aan, maar het bestand {file} kondigt er {found} aan.",
    en: "The GO file announces {declared} part(s), but the file {file} announces {found}.",
    de: "Die GO-Datei kündigt {declared} Teil(e) an, die Datei {file} aber {found}.",
  },
  "part.above-count": {
    fr: "La partie {file} porte un numéro plus grand que le nombre de parties annoncé ({parts}).",
    nl: "Het deel {file} heeft een hoger nummer dan het aangekondigde aantal delen ({parts}).",
    en: "The part {file} is numbered above the announced number of parts ({parts}).",
    de: "Der Teil {file} hat eine höhere Nummer als die angekündigte Anzahl Teile ({parts}).",
  },
  "declaration.already-answered": {
    fr: "La déclaration {stem} a déjà été traitée (réponse {answer}) : le nouveau fichier GO {file} n’est pas traité. Pour un nouvel envoi, utilisez un autre numéro de suite.",
    nl: "De aangifte {stem} werd al verwerkt (antwoord {answer}): het nieuwe GO-bestand {file} wordt niet verwerkt. Gebruik voor een nieuwe zending een ander volgnummer.",
    en: "The declaration {stem} was already processed (answer {answer}): the new GO file {file} is not processed. For a new sending, use another sequence number.",
    de: "Die Meldung {stem} wurde bereits verarbeitet (Antwort {answer}): die neue GO-Datei {file} wird nicht verarbeitet. Verwenden Sie für eine neue Sendung eine andere Folgenummer.",
  },
  "go-name.field-count": {
    fr: "Le nom du fichier GO {file} compte {found} champs séparés par des points au lieu de {expected} (GO.application.expéditeur.date.numéro de suite.environnement.nombre de parties).",
    nl: "De naam van het GO-bestand {file} telt {found} door punten gescheiden velden in plaats van {expected} (GO.toepassing.afzender.datum.volgnummer.omgeving.aantal delen).",
    en: "The name of the GO file {file} has {found} dot-separated fields instead of {expected} (GO.application.sender.date.sequence.environment.parts).",
    de: "Der Name der GO-Datei {file} hat {found} durch Punkte getrennte Felder statt {expected} (GO.Anwendung.Absender.Datum.Folgenummer.Umgebung.Anzahl Teile).",
  },
  "go-name.prefix": {
    fr: "Le nom du fichier GO {file} doit commencer par « GO » en majuscules, pas « {value} ».",
    nl: "De naam van het GO-bestand {file} moet beginnen met « GO » in hoofdletters, niet « {value} ».",
    en: "The name of the GO file {file} must start with « GO » in capitals, not « {value} ».",
    de: "Der Name der GO-Datei {file} muss mit « GO » in Großbuchstaben beginnen, nicht mit « {value} ».",
  },
  "go-name.application": {
    fr: "Le code d’application « {value} » du fichier GO {file} n’est pas valide (lettres majuscules et chiffres, 20 au plus).",
    nl: "De toepassingscode « {value} » van het GO-bestand {file} is ongeldig (hoofdletters en cijfers, hoogstens 20).",
    en: "The application code « {value} » of the GO file {file} is not valid (capital letters and digits, 20 at most).",
    de: "Der Anwendungscode « {value} » der GO-Datei {file} ist ungültig (Großbuchstaben und Ziffern, höchstens 20).",
  },
  "go-name.sender": {
    fr: "Le numéro d’expéditeur « {value} » du fichier GO {file} doit compter 6 chiffres.",
    nl: "Het afzendernummer « {value} » van het GO-bestand {file} moet 6 cijfers tellen.",
    en: "The sender number « {value} » of the GO file {file} must have 6 digits.",
    de: "Die Absendernummer « {value} » der GO-Datei {file} muss 6 Ziffern haben.",
  },
  "go-name.date": {
    fr: "La date « {value} » du fichier GO {file} n’est pas une date valide au format AAAAMMJJ.",
    nl: "De datum « {value} » van het GO-bestand {file} is geen geldige datum in het formaat JJJJMMDD.",
    en: "The date « {value} » of the GO file {file} is not a valid date in the format YYYYMMDD.",
    de: "Das Datum « {value} » der GO-Datei {file} ist kein gültiges Datum im Format JJJJMMTT.",
  },
  "go-name.sequence": {
    fr: "Le numéro de suite « {value} » du fichier GO {file} doit être fait de chiffres (10 au plus).",
    nl: "Het volgnummer « {value} » van het GO-bestand {file} moet uit cijfers bestaan (hoogstens 10).",
    en: "The sequence number « {value} » of the GO file {file} must be digits (10 at most).",
    de: "Die Folgenummer « {value} » der GO-Datei {file} muss aus Ziffern bestehen (höchstens 10).",
  },
  "go-name.environment": {
    fr: "L’environnement « {value} » du fichier GO {file} est inconnu : R (production), T (test) ou S (test de déclaration).",
    nl: "De omgeving « {value} » van het GO-bestand {file} is onbekend: R (productie), T (test) of S (aangiftetest).",
    en: "The environment « {value} » of the GO file {file} is unknown: R (production), T (test) or S (declaration test).",
    de: "Die Umgebung « {value} » der GO-Datei {file} ist unbekannt: R (Produktion), T (Test) oder S (Meldungstest).",
  },
  "go-name.parts": {
    fr: "Le nombre de parties « {value} » du fichier GO {file} doit être un nombre de 1 à 9999.",
    nl: "Het aantal delen « {value} » van het GO-bestand {file} moet een getal van 1 tot 9999 zijn.",
    en: "The number of parts « {value} » of the GO file {file} must be a number from 1 to 9999.",
    de: "Die Anzahl Teile « {value} » der GO-Datei {file} muss eine Zahl von 1 bis 9999 sein.",
  },
};

/** The reason in words, in `language` (unknown codes are shown as they are). */
export function reasonText(reason: DeclarationReason, language: Language): string {
  const texts = (TEXTS as Record<string, Texts | undefined>)[reason.code];
  if (!texts) return reason.code;
  return texts[language].replace(/\{(\w+)\}/g, (whole, key: string) => String(reason.params?.[key] ?? whole));
}

export function asLanguage(value: string | null | undefined): Language {
  return value === "nl" || value === "en" || value === "de" ? value : "fr";
}
