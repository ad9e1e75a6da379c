/**
 * Result shape shared by every credential / identifier rule (SPEC §1, §4).
 *
 * A rule either accepts (`{ ok: true, ...extra }`) or reports the FIRST failed rule with a
 * stable machine-readable code and the params its human message needs (what was found and
 * what is allowed). Messages live in `messages/<locale>/rules.json`, nested by the code's
 * dot segments (next-intl nesting), see `lib/rules/messages.ts`.
 */

/** The one list of rule codes. Keep `messages/{fr,nl,en,de}/rules.json` in sync (a test checks it). */
export const RULE_CODES = [
  // SPEC §4.1 username (FTP/SFTP)
  'username.prefix',
  'username.charset',
  'username.length',
  'username.taken',
  // SPEC §4.2 FTP password
  'password.length',
  'password.charset',
  'password.non-letters',
  // SPEC §4.3 SSH public key (SFTP)
  'ssh.too-large',
  'ssh.unreadable',
  'ssh.private-key',
  'ssh.key-type',
  'ssh.key-size',
  // SPEC §4.4 certificate (all channels), in check order
  'cert.too-large',
  'cert.pkcs12',
  'cert.extension',
  'cert.unreadable',
  'cert.text',
  'cert.private-key',
  'cert.key-type',
  'cert.key-size',
  'cert.curve',
  'cert.signature-hash',
  'cert.not-yet-valid',
  'cert.expired',
  'cert.self-signed-not-allowed',
  'cert.issuer-not-allowed',
  'cert.key-usage',
  // SPEC §3 (issue 13): one copy of a certificate per account
  'cert.duplicate',
  // SPEC §1 enterprise number (BCE/KBO) and NISS
  'bce.format',
  'bce.checksum',
  'niss.format',
  'niss.checksum',
  // SPEC §2 contact phone number
  'phone.invalid',
  'phone.country-code',
  // SPEC §2 contact e-mail address (issue 13: say what is wrong)
  'email.spaces',
  'email.at-sign',
  'email.local-part',
  'email.domain',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** Message parameters. Values are language-neutral (numbers, identifiers, key names, ISO dates). */
export type RuleParams = Record<string, string | number>;

export type RuleFailure = { ok: false; code: RuleCode; params: RuleParams };

export type RuleResult<T extends object = object> = ({ ok: true } & T) | RuleFailure;

const CODE_SET: ReadonlySet<string> = new Set(RULE_CODES);

export function isRuleCode(value: unknown): value is RuleCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

export function fail(code: RuleCode, params: RuleParams = {}): RuleFailure {
  return { ok: false, code, params };
}

/**
 * Shows characters that a rule refused, for a message param: unique, in order of appearance,
 * at most `max`, with invisible ones made visible (a space is hard to see in « »).
 */
export function describeChars(chars: Iterable<string>, max = 5): string {
  const seen: string[] = [];
  for (const ch of chars) {
    if (!seen.includes(ch)) seen.push(ch);
  }
  const shown = seen.slice(0, max).map((ch) => {
    if (ch === ' ') return '␣';
    if (ch === '\t') return '⇥';
    const cp = ch.codePointAt(0) ?? 0;
    // Control and other invisible characters: show their code point.
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad || (cp >= 0x200b && cp <= 0x200f)) {
      return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return ch;
  });
  return seen.length > max ? `${shown.join(' ')} …` : shown.join(' ');
}
