/**
 * SPEC §4.3 — reading a pasted SSH public key the way sshd reads `authorized_keys` (sshd(8)
 * "AUTHORIZED_KEYS FILE FORMAT"), so that honest paste accidents are accepted (issue 12 kind 4):
 *   - blank lines and lines starting with `#` are comments;
 *   - a line may start with options (`from="10.0.0.0/8",no-pty …`); quotes are respected as in
 *     OpenSSH's sshkey_advance_past_options(); the options mean nothing here and are dropped;
 *   - a key whose Base64 was broken over several lines (mail, narrow terminals) is rejoined;
 *   - "several keys" counts only lines that decode to real key blobs.
 * Server-only in practice (Buffer, sshpk), but free of any framework.
 */
import sshpk from 'sshpk';

/** Something the user should know about an accepted key (UI: `rules.notes.ssh.<note>`). */
export type SshKeyNote = 'optionsDropped' | 'commentLinesIgnored' | 'lineBreaksRejoined' | 'textEncoding';

export interface KeyLine {
  /** RFC 4253 public key blob. */
  blob: Buffer;
  /** Key type as written before the Base64 (`ssh-rsa`). */
  label: string;
  comment: string;
  /** The authorized_keys options prefix, as written, when there was one. */
  options?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function decodeSshBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text) || text.length % 4 === 1) return undefined;
  const buf = Buffer.from(text, 'base64');
  return buf.length > 0 ? buf : undefined;
}

/** First field of an RFC 4253 public key blob: the key type name. */
export function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const len = blob.readUInt32BE(0);
  if (len < 1 || len > 64 || 4 + len > blob.length) return undefined;
  const name = blob.subarray(4, 4 + len).toString('latin1');
  return /^[A-Za-z0-9@._+-]+$/.test(name) ? name : undefined;
}

/** A complete key blob (every field present, as sshpk reads it) whose type matches the label. */
export function isRealKey(line: KeyLine): boolean {
  if (blobKeyType(line.blob) !== line.label) return false;
  try {
    sshpk.parseKey(line.blob, 'rfc4253');
    return true;
  } catch {
    return false;
  }
}

/** `keytype base64 [comment]` — undefined when the second field is not Base64. */
function parsePlain(line: string): KeyLine | undefined {
  const m = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const blob = decodeSshBase64(m[2]);
  return blob ? { blob, label: m[1], comment: (m[3] ?? '').trim() } : undefined;
}

/**
 * Index just past an options prefix, as OpenSSH's sshkey_advance_past_options(): up to the first
 * space or tab outside double quotes (`\"` inside quotes is an escaped quote). Undefined for an
 * unterminated quote.
 */
function endOfOptions(line: string): number | undefined {
  let quoted = false;
  let i = 0;
  for (; i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t')); i++) {
    if (line[i] === '\\' && line[i + 1] === '"') i++;
    else if (line[i] === '"') quoted = !quoted;
  }
  return quoted ? undefined : i;
}

/**
 * One authorized_keys line (already trimmed): `[options] keytype base64 [comment]`. Like sshd, the
 * line is first read without options; only when that does not give a real key are options skipped.
 */
export function parseKeyLine(line: string): KeyLine | undefined {
  const plain = parsePlain(line);
  if (plain && isRealKey(plain)) return plain;
  const end = endOfOptions(line);
  if (end !== undefined && end > 0 && end < line.length) {
    const rest = parsePlain(line.slice(end).trimStart());
    if (rest && isRealKey(rest)) return { ...rest, options: line.slice(0, end) };
  }
  return plain;
}

/**
 * A key broken over several lines: the lines are joined without separator (the breaks were inside
 * the Base64), trying a space at the first break (`ssh-rsa⏎AAAA…`) and at the last (`…==⏎comment`).
 */
export function rejoinKeyLines(lines: string[]): KeyLine | undefined {
  if (lines.length < 2 || lines.length > 256) return undefined;
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  const middle = lines.slice(1, -1).join('');
  const tried = new Set<string>();
  for (const a of ['', ' ']) {
    for (const b of ['', ' ']) {
      const joined = lines.length === 2 ? `${first}${a || b}${last}` : `${first}${a}${middle}${b}${last}`;
      if (tried.has(joined)) continue;
      tried.add(joined);
      const key = parseKeyLine(joined);
      if (key && isRealKey(key)) return key;
    }
  }
  return undefined;
}

/** Lines of a paste without blank lines and `#` comment lines (sshd), and how many comments were dropped. */
export function significantLines(text: string): { lines: string[]; commentLines: number } {
  const lines: string[] = [];
  let commentLines = 0;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) commentLines++;
    else lines.push(raw);
  }
  return { lines, commentLines };
}
