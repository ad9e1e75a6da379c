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
import { SSH_KEY_MAX_BYTES } from './limits';
import { fail, type RuleResult } from './result';
import {
  blobKeyType,
  decodeSshBase64,
  isRealKey,
  parseKeyLine,
  rejoinKeyLines,
  significantLines,
  type SshKeyNote,
} from './ssh-key-text';
import { decodeText } from './text-encoding';
import { hasForbiddenCharacters } from './text';

export type { SshKeyNote } from './ssh-key-text';

export { SSH_KEY_MAX_BYTES };
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
  /** What was tidied away to read the key (issue 12); empty for a clean paste. */
  notes: SshKeyNote[];
  /** The authorized_keys options that were dropped (with note `optionsDropped`). */
  droppedOptions?: string;
}

// Private keys in every format a user might paste: PEM (PKCS#1/#8/SEC1, encrypted or not),
// OpenSSH's own and PuTTY's .ppk (hasPrivateKeyMarker), and ssh.com's.
const SSH_COM_PRIVATE = /----\s{0,8}BEGIN SSH2 ENCRYPTED PRIVATE KEY\s{0,8}----/i;

const RFC4716_BEGIN = /^----\s*BEGIN SSH2 PUBLIC KEY\s*----$/;
const RFC4716_END = /^----\s*END SSH2 PUBLIC KEY\s*----$/;

type Parsed = { blob: Buffer; comment: string; format: 'openssh' | 'rfc4716'; label?: string; options?: string };

function unreadable(reason: string, extra: Record<string, number> = {}): RuleResult<SshKeyDetails> {
  return fail('ssh.unreadable', { reason, expected: 'OpenSSH, RFC 4716', ...extra });
}

/**
 * RFC 4716 §3: header lines `Tag: value` (continued by a trailing `\`), then base64 body. Lines come
 * untrimmed so that a continuation keeps its spacing (§3.3: the `\` and line break are removed, nothing else).
 */
function parseRfc4716(rawLines: string[]): Parsed | undefined {
  const lines = rawLines.map((l) => l.trimEnd());
  const first = lines[0]?.trim();
  const last = lines[lines.length - 1]?.trim();
  if (first === undefined || last === undefined || lines.length < 3) return undefined;
  if (!RFC4716_BEGIN.test(first) || !RFC4716_END.test(last)) return undefined;
  const inner = lines.slice(1, -1);
  let comment = '';
  let i = 0;
  while (i < inner.length && /^[^\s:]{1,64}:/.test((inner[i] ?? '').trimStart())) {
    let header = (inner[i] ?? '').trimStart();
    while (header.endsWith('\\') && i + 1 < inner.length) {
      i++;
      header = header.slice(0, -1) + (inner[i] ?? '');
    }
    const colon = header.indexOf(':');
    if (header.slice(0, colon).toLowerCase() === 'comment') {
      comment = header.slice(colon + 1).trim().replace(/^"(.*)"$/s, '$1');
    }
    i++;
  }
  const blob = decodeSshBase64(inner.slice(i).map((l) => l.trim()).join(''));
  return blob ? { blob, comment, format: 'rfc4716' } : undefined;
}

/**
 * SPEC §4.3 check of a pasted or uploaded public key. `input` is the pasted text, or the file's
 * bytes (decoded by BOM: UTF-8, UTF-16, UTF-32; else UTF-8). Never throws.
 */
export function checkSshPublicKey(input: string | Uint8Array): RuleResult<SshKeyDetails> {
  try {
    return checkSshPublicKeyUnsafe(input);
  } catch {
    // sshpk or Buffer surprises on hostile input: still a rule result, never an exception.
    return unreadable('invalid');
  }
}

function checkSshPublicKeyUnsafe(input: string | Uint8Array): RuleResult<SshKeyDetails> {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return unreadable('empty');
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (bytes > SSH_KEY_MAX_BYTES) {
    return fail('ssh.too-large', { found: bytes, max: SSH_KEY_MAX_BYTES });
  }
  const notes: SshKeyNote[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input.replace(/^\ufeff/, '');
  } else {
    const decoded = decodeText(input, 'utf-8');
    text = decoded.text;
    if (decoded.encoding !== 'UTF-8' && decoded.encoding !== 'UTF-8 BOM') notes.push('textEncoding');
  }
  const trimmed = text.trim();
  if (hasPrivateKeyMarker(trimmed) || SSH_COM_PRIVATE.test(trimmed)) {
    return fail('ssh.private-key', {});
  }
  const { lines, commentLines } = significantLines(trimmed);
  if (lines.length === 0) return unreadable('empty');
  if (commentLines > 0) notes.push('commentLinesIgnored');

  let parsed: Parsed | undefined;
  if (RFC4716_BEGIN.test(lines[0]?.trim() ?? '')) {
    parsed = parseRfc4716(lines);
  } else {
    const trimmedLines = lines.map((l) => l.trim());
    const keyLines = trimmedLines.map(parseKeyLine);
    const realKeys = keyLines.filter((k) => k !== undefined && isRealKey(k)).length;
    // Several keys (an authorized_keys file): one account has exactly one key.
    if (realKeys > 1) return unreadable('multiple', { found: realKeys });
    let line = trimmedLines.length === 1 ? keyLines[0] : undefined;
    if (trimmedLines.length > 1 && realKeys === 0) {
      line = rejoinKeyLines(trimmedLines);
      if (line) notes.push('lineBreaksRejoined');
    } else if (trimmedLines.length > 1) {
      // One key and lines that are neither keys nor # comments: say so rather than guess.
      return unreadable('extraLines', { found: trimmedLines.length - 1 });
    }
    if (line) {
      parsed = { blob: line.blob, comment: line.comment, format: 'openssh', label: line.label, ...(line.options ? { options: line.options } : {}) };
      if (line.options) notes.push('optionsDropped');
    }
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
    notes,
    ...(parsed.options ? { droppedOptions: parsed.options } : {}),
  };
}
