/**
 * SPEC §4.3 — SFTP SSH public key.
 *
 * Accepted: one SSH v2 public key, OpenSSH one-liner (`ssh-rsa AAAA… comment`) or SSH2 /
 * RFC 4716 block (`---- BEGIN SSH2 PUBLIC KEY ----`); seed 001 §2.3 "De formaten OpenSSH en
 * SSH worden aanvaard". Type SSH2-RSA only, 2048 to 4096 bits inclusive.
 * Check order: size (before any parsing, so a huge paste costs nothing) → private key
 * (warn first: it must never be shared) → readable → type → size in bits.
 * Never throws: any input yields a RuleResult.
 */
import sshpk from 'sshpk';
import { hasPrivateKeyMarker } from './der';
import { fail, type RuleResult } from './result';
import { hasForbiddenCharacters } from './text';

export const SSH_KEY_MAX_BYTES = 16 * 1024;
export const SSH_RSA_MIN_BITS = 2048;
export const SSH_RSA_MAX_BITS = 4096;

export interface SshKeyDetails {
  type: 'ssh-rsa';
  bits: number;
  /** OpenSSH style, e.g. `SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8`. */
  fingerprint: string;
  /** Key comment ('' when none). */
  comment: string;
  /** Format the key was pasted in. */
  format: 'openssh' | 'rfc4716';
  /** Normalised OpenSSH one-liner (`ssh-rsa <base64>[ <comment>]`), e.g. for authorized_keys. */
  openssh: string;
}

// Private keys in every format a user might paste: PEM (PKCS#1/#8/SEC1, encrypted or not),
// OpenSSH's own and PuTTY's .ppk (hasPrivateKeyMarker), and ssh.com's.
const SSH_COM_PRIVATE = /----\s{0,8}BEGIN SSH2 ENCRYPTED PRIVATE KEY\s{0,8}----/i;

const RFC4716_BEGIN = /^----\s*BEGIN SSH2 PUBLIC KEY\s*----$/;
const RFC4716_END = /^----\s*END SSH2 PUBLIC KEY\s*----$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

type Parsed = { blob: Buffer; comment: string; format: 'openssh' | 'rfc4716'; label?: string };

function unreadable(reason: string): RuleResult<SshKeyDetails> {
  return fail('ssh.unreadable', { reason, expected: 'OpenSSH, RFC 4716' });
}

function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text) || text.length % 4 === 1) return undefined;
  const buf = Buffer.from(text, 'base64');
  return buf.length > 0 ? buf : undefined;
}

/** RFC 4716 §3: header lines `Tag: value` (continued by a trailing `\`), then base64 body. */
function parseRfc4716(lines: string[]): Parsed | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (first === undefined || last === undefined || lines.length < 3) return undefined;
  if (!RFC4716_BEGIN.test(first) || !RFC4716_END.test(last)) return undefined;
  const inner = lines.slice(1, -1);
  let comment = '';
  let i = 0;
  while (i < inner.length && /^[^\s:]{1,64}:/.test(inner[i] ?? '')) {
    let header = inner[i] ?? '';
    while (header.endsWith('\\') && i + 1 < inner.length) {
      i++;
      header = header.slice(0, -1) + (inner[i] ?? '');
    }
    const colon = header.indexOf(':');
    if (header.slice(0, colon).toLowerCase() === 'comment') {
      comment = header.slice(colon + 1).trim().replace(/^"(.*)"$/, '$1');
    }
    i++;
  }
  const blob = decodeBase64(inner.slice(i).join(''));
  return blob ? { blob, comment, format: 'rfc4716' } : undefined;
}

/** `type base64 [comment…]` on one line (authorized_keys options are not accepted). */
function parseOpenSsh(line: string): Parsed | undefined {
  const m = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const blob = decodeBase64(m[2]);
  return blob ? { blob, comment: (m[3] ?? '').trim(), format: 'openssh', label: m[1] } : undefined;
}

/** First field of an RFC 4253 public key blob: the key type name. */
function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (len < 1 || len > 64 || 4 + len > blob.length) return undefined;
  const name = blob.subarray(4, 4 + len).toString('latin1');
  return /^[A-Za-z0-9@._+-]+$/.test(name) ? name : undefined;
}

export function checkSshPublicKey(text: string): RuleResult<SshKeyDetails> {
  try {
    return checkSshPublicKeyUnsafe(text);
  } catch {
    // sshpk or Buffer surprises on hostile input: still a rule result, never an exception.
    return unreadable('invalid');
  }
}

function checkSshPublicKeyUnsafe(text: string): RuleResult<SshKeyDetails> {
  if (typeof text !== 'string') return unreadable('empty');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SSH_KEY_MAX_BYTES) {
    return fail('ssh.too-large', { found: bytes, max: SSH_KEY_MAX_BYTES });
  }
  const trimmed = text.trim();
  if (hasPrivateKeyMarker(trimmed) || SSH_COM_PRIVATE.test(trimmed)) {
    return fail('ssh.private-key', {});
  }
  if (trimmed === '') return unreadable('empty');

  const lines = trimmed.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  let parsed: Parsed | undefined;
  if (RFC4716_BEGIN.test(lines[0] ?? '')) {
    parsed = parseRfc4716(lines);
  } else if (lines.length === 1) {
    parsed = parseOpenSsh(lines[0] ?? '');
  } else if (lines.every((l) => parseOpenSsh(l) !== undefined)) {
    // Several keys (an authorized_keys file): one account has exactly one key.
    return unreadable('multiple');
  }
  if (!parsed) return unreadable('format');
  // Issue 19: the comment is stored and shown as text, so it follows the rules of any text.
  if (hasForbiddenCharacters(parsed.comment) || parsed.comment.length > 1024) return unreadable('invalid');

  const type = blobKeyType(parsed.blob);
  if (type === undefined) return unreadable('invalid');
  // The one-line label must agree with the blob: a mismatch means a damaged paste.
  if (parsed.label !== undefined && parsed.label !== type) return unreadable('invalid');
  if (type !== 'ssh-rsa') {
    return fail('ssh.key-type', { found: type, allowed: 'ssh-rsa' });
  }

  let key: sshpk.Key;
  try {
    key = sshpk.parseKey(parsed.blob, 'rfc4253');
  } catch {
    return unreadable('invalid');
  }
  if (key.type !== 'rsa') return fail('ssh.key-type', { found: type, allowed: 'ssh-rsa' });

  const bits = key.size;
  if (bits < SSH_RSA_MIN_BITS || bits > SSH_RSA_MAX_BITS) {
    return fail('ssh.key-size', { found: bits, min: SSH_RSA_MIN_BITS, max: SSH_RSA_MAX_BITS });
  }
  const base64 = parsed.blob.toString('base64');
  return {
    ok: true,
    type: 'ssh-rsa',
    bits,
    fingerprint: key.fingerprint('sha256').toString(),
    comment: parsed.comment,
    format: parsed.format,
    openssh: parsed.comment ? `ssh-rsa ${base64} ${parsed.comment}` : `ssh-rsa ${base64}`,
  };
}
