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
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

type Texts = Record<Language, string>;

// {name} placeholders are filled from the reason's params.
const TEXTS: Record<ReasonCode, Texts> = {
  "name.sender-mismatch": {
    fr: "Le numéro d'expéditeur {found} du nom de fichier n'est pas le vôtre ({expected}).",
    nl: "Het verzendernummer {found} in de bestandsnaam is niet het uwe ({expected}).",
    en: "The sender number {found} in the file name is not yours ({expected}).",
    de: "Die Absendernummer {found} im Dateinamen ist nicht Ihre ({expected}).",
  },
  "name.application-unknown": {
    fr: "L'application {application} n'existe pas.",
    nl: "De toepassing {application} bestaat niet.",
    en: "The application {application} does not exist.",
    de: "Die Anwendung {application} existiert nicht.",
  },
  "name.application-not-permitted": {
    fr: "Votre compte n'a pas la permission pour l'application {application}.",
    nl: "Uw account heeft geen toelating voor de toepassing {application}.",
    en: "Your account does not hold the permission for the application {application}.",
    de: "Ihr Konto hat keine Berechtigung für die Anwendung {application}.",
  },
  "name.wrong-folder": {
    fr: "Les fichiers de l'environnement {environment} vont dans le répertoire {expected}, pas dans {folder}.",
    nl: "Bestanden van omgeving {environment} horen in de map {expected}, niet in {folder}.",
    en: "Files of environment {environment} belong in the folder {expected}, not in {folder}.",
    de: "Dateien der Umgebung {environment} gehören in den Ordner {expected}, nicht in {folder}.",
  },
  "go.without-fi": {
    fr: "Le fichier GO {file} n'est accompagné d'aucun fichier de déclaration (FI).",
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
  "part.too-large": {
    fr: "Le fichier {file} est trop grand pour être traité.",
    nl: "Het bestand {file} is te groot om te verwerken.",
    en: "The file {file} is too large to be processed.",
    de: "Die Datei {file} ist zu groß für die Verarbeitung.",
  },
  "fs.missing": {
    fr: "Le fichier de signature {file} manque : chaque partie d'un envoi de production (R) doit être signée.",
    nl: "Het handtekeningbestand {file} ontbreekt: elk deel van een productiezending (R) moet ondertekend zijn.",
    en: "The signature file {file} is missing: every part of a production (R) declaration must be signed.",
    de: "Die Signaturdatei {file} fehlt: jeder Teil einer Produktionssendung (R) muss signiert sein.",
  },
  "fs.unreadable": {
    fr: "Le fichier de signature {file} n'est pas une signature PKCS#7 lisible.",
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
    fr: "La signature {file} n'a pas été faite avec le certificat enregistré sur votre compte.",
    nl: "De handtekening {file} werd niet gemaakt met het certificaat dat op uw account geregistreerd is.",
    en: "The signature {file} was not made with the certificate registered on your account.",
    de: "Die Signatur {file} wurde nicht mit dem auf Ihrem Konto registrierten Zertifikat erstellt.",
  },
  "fs.certificate-not-valid": {
    fr: "Le certificat enregistré sur votre compte n'est pas valide aujourd'hui (signature {file}).",
    nl: "Het certificaat op uw account is vandaag niet geldig (handtekening {file}).",
    en: "The certificate registered on your account is not valid today (signature {file}).",
    de: "Das auf Ihrem Konto registrierte Zertifikat ist heute nicht gültig (Signatur {file}).",
  },
  "fs.no-certificate": {
    fr: "Votre compte n'a pas de certificat lisible pour vérifier la signature {file}.",
    nl: "Uw account heeft geen leesbaar certificaat om de handtekening {file} te controleren.",
    en: "Your account has no readable certificate to check the signature {file}.",
    de: "Ihr Konto hat kein lesbares Zertifikat, um die Signatur {file} zu prüfen.",
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
