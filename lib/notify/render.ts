import "server-only";
import compile from "icu-minify/compile";
import format, { type CompiledMessage } from "icu-minify/format";
import { AppDateTimeFormat } from "@/lib/i18n/first-of-month";
import { loadMessages } from "@/lib/i18n/load-messages";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { publicBaseUrl } from "./server-settings";

// Mails are rendered outside any request (daily job, CLI, inside a delegation's transaction), so they
// cannot use next-intl's request-bound translator. The same ICU messages (messages/<locale>/mail.json)
// are compiled and formatted with icu-minify, which is what next-intl itself formats with in this app
// (lib/i18n/load-messages.ts), so the wording rules are the same in the app and in the mails.

export type MailValues = Record<string, string | number>;

/** A rendered e-mail: subject, plain text and HTML (same content), and the link it points to. */
export interface RenderedMail {
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  link: string;
}

const TIME_ZONE = "Europe/Brussels";
const formatters = {
  // « 1er mars » in French, also for dates inside the messages.
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new AppDateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};
const compiledCache = new Map<string, CompiledMessage>();

/** The contact's « Langue » as a locale; French (the app's default) if unknown. */
export function mailLocale(language: string | null | undefined): Locale {
  return isLocale(language) ? language : "fr";
}

/** Formats `mail.<key>` (dot path) in `locale`. Throws on a missing message: a test covers every key. */
export function mailMessage(locale: Locale, key: string, values: MailValues = {}): string {
  const cacheKey = `${locale}:${key}`;
  let compiled = compiledCache.get(cacheKey);
  if (compiled === undefined) {
    let node: unknown = loadMessages(locale).mail;
    for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== "string") throw new Error(`mail message missing: ${locale}/${key}`);
    compiled = compile(node);
    compiledCache.set(cacheKey, compiled);
  }
  return String(format(compiled, locale, values, { formatters, timeZone: TIME_ZONE }));
}

/** A date as the recipient reads it (Belgian time zone), e.g. « 31 décembre 2026 », « 1er mars 2027 ». */
export function mailDate(locale: Locale, date: Date): string {
  return new AppDateTimeFormat(`${locale}-BE`, { dateStyle: "long", timeZone: TIME_ZONE }).format(date);
}

// The base of every link in mails: the server's CHAMAN_PUBLIC_URL, also in `notify run` (server-settings.ts).
export { publicBaseUrl } from "./server-settings";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * Assembles a mail from its parts, all already in the recipient's language: greeting, paragraphs,
 * a call-to-action link (absolute URL built from `path`) and the footer saying why the person gets it.
 */
export function assembleMail(input: {
  locale: Locale;
  subject: string;
  greetingName: string;
  paragraphs: string[];
  actionLabel: string;
  path: string;
  footer: string;
}): RenderedMail {
  const link = `${publicBaseUrl()}${input.path}`;
  const greeting = mailMessage(input.locale, "greeting", { name: input.greetingName });
  const signature = mailMessage(input.locale, "signature");
  const text = [greeting, "", ...input.paragraphs.flatMap((p) => [p, ""]), `${input.actionLabel}: ${link}`, "", "--", signature, input.footer].join("\n");
  const html = [
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;color:#1e293b;line-height:1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:8px 16px;border-radius:4px;text-decoration:none">${escapeHtml(input.actionLabel)}</a></p>`,
    `<p style="font-size:12px;color:#475569">${escapeHtml(signature)}<br>${escapeHtml(input.footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { locale: input.locale, subject: input.subject, text, html, link };
}
