/**
 * Human messages for rule codes (SPEC §4: "every rejection shows the code's human message in
 * the user's language, naming the rule and what was found").
 *
 * The messages live in `messages/<locale>/rules.json`, nested by the code's dot segments,
 * which is exactly what next-intl loads as the `rules` namespace (`t('rules.cert.key-size')`
 * in the app). This helper formats the same ICU messages outside React — for the CLI (English)
 * and server code — with use-intl's core translator, so wording and formatting are identical.
 * The JSON files are imported statically (bundled, independent of the working directory).
 */
import { createTranslator } from 'use-intl/core';
import de from '../../messages/de/rules.json';
import en from '../../messages/en/rules.json';
import fr from '../../messages/fr/rules.json';
import nl from '../../messages/nl/rules.json';
import type { RuleCode, RuleParams } from './result';

export const RULE_MESSAGE_LOCALES = ['fr', 'nl', 'en', 'de'] as const;
export type RuleMessageLocale = (typeof RULE_MESSAGE_LOCALES)[number];

/** Raw message catalogues, e.g. for a client-side translator or consistency tests. */
export const RULE_MESSAGES: Record<RuleMessageLocale, Record<string, unknown>> = { fr, nl, en, de };

/** Same time zone as the app (lib/i18n): dates in messages are Belgian dates. */
export const RULE_MESSAGES_TIME_ZONE = 'Europe/Brussels';

type Format = (key: string, values?: RuleParams) => string;
const translators = new Map<RuleMessageLocale, Format>();

class MessageError extends Error {}

function translator(locale: RuleMessageLocale): Format {
  let t = translators.get(locale);
  if (!t) {
    // Generic signature on purpose: codes are runtime values; a test checks every code
    // has a message in every locale.
    t = createTranslator({
      locale,
      messages: RULE_MESSAGES[locale],
      timeZone: RULE_MESSAGES_TIME_ZONE,
      onError: (error) => {
        throw new MessageError(error.message);
      },
    }) as unknown as Format;
    translators.set(locale, t);
  }
  return t;
}

/**
 * The message for a rule failure, e.g.
 * `formatRuleMessage('cert.key-size', { found: 'RSA 1024', … }, 'en')`
 * → "RSA 1024 bits: only RSA 2048, 3072 or 4096 or EC P-384/P-521 are accepted."
 * Falls back to the code itself if the message is missing or its params are incomplete.
 */
export function formatRuleMessage(code: RuleCode, params: RuleParams, locale: RuleMessageLocale = 'fr'): string {
  try {
    return translator(locale)(code, params);
  } catch {
    return code;
  }
}
