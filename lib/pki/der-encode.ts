/**
 * Tiny DER encoder for the certificate factory. Hand-building the few structures we need
 * (RFC 5280 certificates, RFC 7292 PFX shells) gives full control over what the rules must
 * be tested against: any hash including SHA-1 and MD5, odd RSA sizes, Ed25519 keys, broken
 * signatures — things WebCrypto-based generators refuse to produce.
 */

export type Der = Uint8Array;

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function tlv(tag: number, ...content: Uint8Array[]): Der {
  const body = concat(...content);
  return concat(Uint8Array.of(tag), encodeLength(body.length), body);
}

export const seq = (...items: Der[]): Der => tlv(0x30, ...items);
export const set = (...items: Der[]): Der => tlv(0x31, ...items);
export const octetString = (bytes: Uint8Array): Der => tlv(0x04, bytes);
export const nullValue = (): Der => Uint8Array.of(0x05, 0x00);
export const bool = (value: boolean): Der => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
export const utf8 = (text: string): Der => tlv(0x0c, new TextEncoder().encode(text));
export const printable = (text: string): Der => tlv(0x13, new TextEncoder().encode(text));
/** Context-specific constructed tag `[n]` (EXPLICIT). */
export const explicit = (n: number, ...content: Der[]): Der => tlv(0xa0 | n, ...content);

export function bitString(bytes: Uint8Array, unusedBits = 0): Der {
  return tlv(0x03, Uint8Array.of(unusedBits), bytes);
}

/** INTEGER from an unsigned big-endian magnitude or a bigint (non-negative). */
export function integer(value: bigint | number | Uint8Array): Der {
  if (typeof value !== 'object' && BigInt(value) < 0n) {
    // X.690 §8.3: two's complement in the fewest octets (e.g. a CA that issues negative serials).
    let n = 1n;
    while (BigInt(value) < -(1n << (8n * n - 1n))) n++;
    let hex = ((1n << (8n * n)) + BigInt(value)).toString(16);
    hex = hex.padStart(Number(n) * 2, 'f');
    return tlv(0x02, Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
  }
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) {
    bytes = value;
  } else {
    let hex = BigInt(value).toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Uint8Array.of(0);
  const pad = (bytes[0] ?? 0) & 0x80 ? Uint8Array.of(0) : new Uint8Array(0);
  return tlv(0x02, pad, bytes);
}

export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const [a0 = 0n, a1 = 0n, ...rest] = arcs;
  const bytes: number[] = [];
  for (const arc of [a0 * 40n + a1, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. Seconds precision, UTC. */
export function time(date: Date): Der {
  const iso = date.toISOString(); // 2024-01-31T12:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, ''); // 20240131120000
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`))
    : tlv(0x18, new TextEncoder().encode(`${digits}Z`));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
