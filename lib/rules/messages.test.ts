/** SPEC §4: every rule code has a human message in fr, nl, en and de, naming what was found. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_MESSAGES, RULE_MESSAGE_LOCALES, formatRuleMessage } from './messages';
import { RULE_CODES, type RuleCode, type RuleParams } from './result';

/** Representative params for every code, covering every `select` branch used by the rules. */
const SAMPLES: Record<RuleCode, RuleParams[]> = {
  'username.prefix': [{ found: 'ACM', expected: 'EXP' }],
  'username.charset': [{ found: '␣ é', allowed: 'A-Z a-z 0-9' }],
  'username.length': [{ found: 7, min: 8, max: 17 }],
  'username.taken': [{ found: 'EXPACME01' }],
  'password.length': [{ found: 0, min: 1, max: 15 }, { found: 16, min: 1, max: 15 }],
  'password.charset': [{ found: "' [", allowed: ', ; : = ? . / + * $ % > < & @ # ( ! { } ) - _' }],
  'password.non-letters': [{ found: 0, min: 2 }, { found: 1, min: 2 }],
  'ssh.too-large': [{ found: 20000, max: 16384 }],
  'ssh.unreadable': [
    ...['empty', 'format', 'invalid'].map((reason) => ({ reason, expected: 'OpenSSH, RFC 4716' })),
    ...[2, 3].map((found) => ({ reason: 'multiple', found, expected: 'OpenSSH, RFC 4716' })),
    ...[1, 2].map((found) => ({ reason: 'extraLines', found, expected: 'OpenSSH, RFC 4716' })),
  ],
  'ssh.private-key': [{}],
  'ssh.key-type': [{ found: 'ssh-ed25519', allowed: 'ssh-rsa' }],
  'ssh.key-size': [{ found: 1024, min: 2048, max: 4096 }],
  'cert.too-large': [{ found: 70000, max: 65536 }],
  'cert.pkcs12': [{ fileName: 'jean.pfx', reason: 'name' }, { fileName: 'jean.cer', reason: 'content' }],
  'cert.extension': [{ fileName: 'jean.crt', found: '.crt', expected: '.cer' }],
  'cert.unreadable': [
    ...['empty', 'format', 'multiple', 'pkcs7', 'csr', 'publicKey', 'invalid'].map((reason) => ({ reason })),
    { reason: 'pemType', found: 'X509 CRL' },
    { reason: 'multiple', found: 2 },
    { reason: 'text', encoding: 'UTF-16LE' },
    { reason: 'base64', encoding: 'UTF-8' },
    { reason: 'trailing', found: 1 },
    { reason: 'trailing', found: 1234 },
  ],
  'cert.text': [{ field: 'subject', max: 1024 }, { field: 'issuer', max: 1024 }],
  'cert.private-key': [{ format: 'PEM' }],
  'cert.key-type': [{ found: 'Ed25519', allowed: 'RSA 2048, RSA 3072, RSA 4096, EC P-384, EC P-521' }],
  'cert.key-size': [{ found: 'RSA 1024', bits: 1024, allowed: 'RSA 2048, RSA 3072, RSA 4096, EC P-384, EC P-521' }],
  'cert.curve': [{ found: 'EC P-256', curve: 'P-256', allowed: 'P-384, P-521' }],
  'cert.signature-hash': [{ found: 'SHA-1', algorithm: 'SHA-1 with RSA', allowed: 'SHA-256, SHA-384, SHA-512' }],
  'cert.not-yet-valid': [{ notBefore: '2027-01-01T00:00:00.000Z', notBeforeMs: Date.UTC(2027, 0, 1), now: '2026-06-15T12:00:00.000Z' }],
  'cert.expired': [{ notAfter: '2024-01-31T23:30:00.000Z', notAfterMs: Date.UTC(2024, 0, 31, 23, 30), now: '2026-06-15T12:00:00.000Z' }],
  'cert.self-signed-not-allowed': ['FTP', 'SFTP', 'SOAP'].map((channel) => ({ channel, allowed: 'REST' })),
  'cert.issuer-not-allowed': [
    { channel: 'FTP', issuer: 'Foo CA', found: 'untrusted', allowed: 'eid, globalsign-personalsign3pro' },
    { channel: 'SOAP', issuer: 'Citizen CA', found: 'eid', allowed: 'globalsign-personalsign3pro' },
  ],
  'cert.key-usage': [
    { found: 'none', required: 'digitalSignature', selfSigned: 'yes' },
    { found: 'empty', required: 'digitalSignature', selfSigned: 'yes' },
    { found: 'keyEncipherment', required: 'digitalSignature', selfSigned: 'no' },
  ],
  'cert.duplicate': [
    { name: 'Prod 2026', fingerprint: 'AB:CD:EF' },
    { name: 'none', fingerprint: 'AB:CD:EF' },
  ],
  'bce.format': [{ found: '2123.456.749', example: '0123.456.749' }],
  'bce.checksum': [{ found: '0123.456.748' }],
  'niss.format': [{ found: '123', example: '85.07.30-033.28' }],
  'niss.checksum': [{ found: '85.07.30-033.29' }],
  'phone.invalid': [{ found: '123', callingCode: '+32' }],
  'phone.country-code': [{ reason: 'unknown', found: '+999' }, { reason: 'mismatch', found: '+33', expected: '+32' }],
  'email.spaces': [{ found: 'claire dupont@example.be' }],
  'email.at-sign': [{ found: 'claire.example.be', count: 0 }, { found: 'a@b@example.be', count: 2 }],
  'email.local-part': [
    { found: '@example.be', reason: 'empty' },
    { found: 'x@example.be', reason: 'tooLong', max: 64 },
    { found: 'clé@example.be', reason: 'characters', chars: 'é' },
    { found: 'claire.@example.be', reason: 'dots' },
  ],
  'email.domain': ['empty', 'noDot', 'label', 'topLevel'].map((reason) => ({ found: 'claire@example', domain: 'example', reason })),
};

function leafKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? leafKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('rule messages (messages/<locale>/rules.json)', () => {
  it('each locale has exactly one message per rule code, nested by code segments', () => {
    for (const locale of RULE_MESSAGE_LOCALES) {
      assert.deepEqual(leafKeys(RULE_MESSAGES[locale]).sort(), [...RULE_CODES].sort(), locale);
    }
  });

  it('every message formats with its params in every locale, without falling back', () => {
    for (const locale of RULE_MESSAGE_LOCALES) {
      for (const code of RULE_CODES) {
        for (const params of SAMPLES[code]) {
          const text = formatRuleMessage(code, params, locale);
          assert.notEqual(text, code, `${locale} ${code} ${JSON.stringify(params)}`);
          assert.doesNotMatch(text, /\{[A-Za-z]/, `${locale} ${code}: unreplaced placeholder in "${text}"`);
        }
      }
    }
  });

  it('messages name what was found', () => {
    for (const locale of RULE_MESSAGE_LOCALES) {
      for (const code of RULE_CODES) {
        for (const params of SAMPLES[code]) {
          // cert.curve names the curve itself ("elliptic curve P-256").
          const found = code === 'cert.curve' ? params.curve : params.found;
          if (typeof found !== 'string' || ['none', 'empty', 'untrusted', 'eid'].includes(found)) continue;
          if (code === 'cert.unreadable' && params.reason !== 'pemType') continue;
          assert.ok(formatRuleMessage(code, params, locale).includes(found), `${locale} ${code} should mention ${found}`);
        }
      }
    }
  });

  it('translations are real: no locale copies another', () => {
    for (const code of RULE_CODES) {
      const params = SAMPLES[code][0] ?? {};
      const texts = RULE_MESSAGE_LOCALES.map((l) => formatRuleMessage(code, params, l));
      assert.equal(new Set(texts).size, 4, `${code}: ${texts.join(' | ')}`);
    }
  });

  it('cert.pkcs12 explains how to export the public .cer; private-key messages warn', () => {
    for (const locale of RULE_MESSAGE_LOCALES) {
      const pkcs12 = formatRuleMessage('cert.pkcs12', { fileName: 'jean.pfx', reason: 'name' }, locale);
      assert.match(pkcs12, /\.pfx/);
      assert.match(pkcs12, /\.cer/);
      assert.match(pkcs12, /openssl pkcs12 .*-nokeys/);
      // Issue 12: -clcerts alone writes an empty file without a local key id; certmgr's DER .CER is named.
      assert.doesNotMatch(pkcs12, /-clcerts -nokeys -out/);
      assert.match(pkcs12, /subject=/);
      assert.match(pkcs12, /certmgr[^]*X\.509[^]*\.cer/i);
      assert.match(formatRuleMessage('ssh.private-key', {}, locale), /PRIV/);
    }
    assert.match(formatRuleMessage('cert.pkcs12', { fileName: 'a.pfx', reason: 'name' }, 'fr'), /Le format \.pfx est incompatible et ne fonctionnera pas/);
  });

  it('English examples', () => {
    assert.equal(
      formatRuleMessage('cert.key-size', { found: 'RSA 1024', bits: 1024, allowed: '' }, 'en'),
      'RSA 1024 bits: only RSA 2048, 3072 or 4096 or EC P-384/P-521 are accepted.',
    );
    assert.equal(formatRuleMessage('cert.expired', SAMPLES['cert.expired'][0] ?? {}, 'en'), 'The certificate expired on February 1, 2024. Upload a certificate that is currently valid.');
    assert.equal(formatRuleMessage('password.non-letters', { found: 1, min: 2 }, 'en'), 'The password contains only one digit or special character: at least 2 are required.');
    // French groups digits with a narrow no-break space.
    assert.equal(
      formatRuleMessage('cert.too-large', { found: 70000, max: 65536 }, 'fr').replace(/[\u202f\u00a0]/g, ' '),
      'Le fichier fait 70 000 octets : un fichier de certificat (.cer) fait au maximum 65 536 octets (64 Kio).',
    );
  });

  it('issue 12: refusals of text say what was found; trailing data says how many bytes and how to re-export', () => {
    for (const locale of RULE_MESSAGE_LOCALES) {
      const text = formatRuleMessage('cert.unreadable', { reason: 'text', encoding: 'UTF-16LE' }, locale);
      assert.match(text, /UTF-16LE/);
      assert.match(formatRuleMessage('cert.unreadable', { reason: 'base64', encoding: 'UTF-8' }, locale), /Base64/);
      const trailing = formatRuleMessage('cert.unreadable', { reason: 'trailing', found: 1234 }, locale).replace(/[\u202f\u00a0., ]/g, '');
      assert.match(trailing, /1234/);
      assert.match(trailing, /openssl/);
      assert.match(formatRuleMessage('ssh.unreadable', { reason: 'multiple', found: 3, expected: '' }, locale), /3/);
    }
  });

  it('falls back to the code for incomplete params instead of throwing', () => {
    assert.equal(formatRuleMessage('cert.unreadable', {}, 'en'), 'cert.unreadable');
  });
});
