/**
 * SPEC §2 — the contact's « Adresse email »: one address, and when it is refused the message says
 * what is wrong with it (issue 13) instead of « Valeur non valable ». Accepts exactly what Zod 4's
 * `z.email()` accepts (its default pattern, the one the form used before), diagnosed step by step:
 * spaces, the « @ », the part before it, the domain after it. Pure.
 */
import { describeChars, fail, type RuleResult } from './result';

/** RFC 5321 §4.5.3.1: 64 octets before the « @ », 254 in all (the form's limit). */
const LOCAL_MAX = 64;
const LOCAL_CHARS = /[A-Za-z0-9_'+\-.]/;
const DOMAIN_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const TOP_LEVEL = /^[A-Za-z]{2,}$/;

/**
 * Checks one e-mail address (already trimmed by the form's text schema). Failures:
 * `email.spaces` {found}; `email.at-sign` {found, count} (none or several « @ »);
 * `email.local-part` {found, reason: empty | tooLong | characters | dots, chars?, max?};
 * `email.domain` {found, domain, reason: empty | noDot | label | topLevel}.
 */
export function checkEmail(input: string): RuleResult<{ email: string }> {
  const found = input.trim();
  if (/\s/.test(found)) return fail('email.spaces', { found });
  const count = found.split('@').length - 1;
  if (count !== 1) return fail('email.at-sign', { found, count });
  const at = found.indexOf('@');
  const local = found.slice(0, at);
  const domain = found.slice(at + 1);
  if (local === '') return fail('email.local-part', { found, reason: 'empty' });
  if (local.length > LOCAL_MAX) return fail('email.local-part', { found, reason: 'tooLong', max: LOCAL_MAX });
  const badChars = [...local].filter((ch) => !LOCAL_CHARS.test(ch));
  if (badChars.length > 0) return fail('email.local-part', { found, reason: 'characters', chars: describeChars(badChars) });
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..') || local.endsWith("'")) return fail('email.local-part', { found, reason: 'dots' });
  if (domain === '') return fail('email.domain', { found, domain, reason: 'empty' });
  const labels = domain.split('.');
  if (labels.length < 2) return fail('email.domain', { found, domain, reason: 'noDot' });
  const topLevel = labels.at(-1) ?? '';
  if (labels.slice(0, -1).some((label) => !DOMAIN_LABEL.test(label))) return fail('email.domain', { found, domain, reason: 'label' });
  if (!TOP_LEVEL.test(topLevel)) return fail('email.domain', { found, domain, reason: 'topLevel' });
  return { ok: true, email: found };
}
