/**
 * The answer files written to OUT, OUTTEST or OUTTEST-S (issue 15; format in docs/TRANSFER.md). Pure.
 * An accepted declaration gets `ACRF.<stem>`, a refused one `NOTIF.<stem>` listing each problem in the
 * sender's contact language.
 */
import type { DeclarationReason } from "@/lib/db/schema/transfer";
import { acknowledgementFileName, goRefusalFileName, refusalFileName, type DeclarationKey } from "@/lib/rules/batch-names";
import { reasonText, type Language } from "./reasons";

export const ANSWER_NAMESPACE = "urn:chaman-mirror:batch:answer:1";

export interface ReceivedFile {
  name: string;
  size: number;
  sha256: string;
}

function xml(value: string | number): string {
  return String(value).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function declarationElement(key: DeclarationKey): string {
  return `  <Declaration application="${xml(key.application)}" sender="${xml(key.sender)}" date="${xml(key.date)}" sequence="${xml(key.sequence)}" environment="${key.environment}" parts="${key.parts}"/>`;
}

/** `ACRF.…`: the declaration was received complete and every signature holds. */
export function acknowledgement(key: DeclarationKey, files: ReceivedFile[], answeredAt: Date): { name: string; bytes: Uint8Array } {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<Acknowledgement xmlns="${ANSWER_NAMESPACE}">`,
    declarationElement(key),
    `  <Status>ACCEPTED</Status>`,
    `  <AnsweredAt>${answeredAt.toISOString()}</AnsweredAt>`,
    `  <Files>`,
    ...files.map((f) => `    <File name="${xml(f.name)}" size="${f.size}" sha256="${f.sha256}"/>`),
    `  </Files>`,
    `</Acknowledgement>`,
    ``,
  ];
  return { name: acknowledgementFileName(key), bytes: new Uint8Array(Buffer.from(lines.join("\n"))) };
}

function reasonElements(reasons: DeclarationReason[], language: Language): string[] {
  return reasons.map((r) => {
    const file = typeof r.params?.file === "string" ? ` file="${xml(r.params.file)}"` : "";
    return `    <Reason code="${xml(r.code)}"${file}>${xml(reasonText(r, language))}</Reason>`;
  });
}

/** A refusal's XML (docs/TRANSFER.md): what it answers (`subject`, one element), then each reason in words. */
function notification(subject: string, reasons: DeclarationReason[], language: Language, answeredAt: Date): Uint8Array {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<Notification xmlns="${ANSWER_NAMESPACE}" xml:lang="${language}">`,
    subject,
    `  <Status>REFUSED</Status>`,
    `  <AnsweredAt>${answeredAt.toISOString()}</AnsweredAt>`,
    `  <Reasons>`,
    ...reasonElements(reasons, language),
    `  </Reasons>`,
    `</Notification>`,
    ``,
  ];
  return new Uint8Array(Buffer.from(lines.join("\n")));
}

/** `NOTIF.…`: the declaration is refused; each reason in words, in the contact language. */
export function refusal(key: DeclarationKey, reasons: DeclarationReason[], language: Language, answeredAt: Date): { name: string; bytes: Uint8Array } {
  return { name: refusalFileName(key), bytes: notification(declarationElement(key), reasons, language, answeredAt) };
}

/**
 * `NOTIF.<GO file name>.<answer id>`: a GO refused without closing a declaration (malformed name,
 * declaration already answered). `<GoFile>` names the GO as it was received instead of `<Declaration>`.
 */
export function goRefusal(goFileName: string, answerId: string, reasons: DeclarationReason[], language: Language, answeredAt: Date): { name: string; bytes: Uint8Array } {
  return { name: goRefusalFileName(goFileName, answerId), bytes: notification(`  <GoFile name="${xml(goFileName)}"/>`, reasons, language, answeredAt) };
}
