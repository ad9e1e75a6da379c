/**
 * Decoding of uploaded text files (SPEC §4.3, §4.4): PEM certificates and SSH public keys arrive
 * as UTF-8, UTF-8 with a byte-order mark, or — from Windows (PowerShell `>`, Notepad "Unicode") —
 * as UTF-16 or UTF-32. The rules read the text after decoding, and name the encoding found when
 * the text still is not a certificate or key.
 *
 * Hand-written rather than TextDecoder: TextDecoder has no UTF-32 and browsers differ on
 * `utf-16be`; these few lines are total (no exception for any byte) and isomorphic.
 */

/** Encoding found by `decodeText`. `latin1` = no BOM and not UTF-16/32: bytes read one for one. */
export type TextEncodingName = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE' | 'latin1';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when a byte-order mark was found (and removed). */
  bom: boolean;
}

const CHUNK = 0x8000;

function fromCodeUnits(units: ArrayLike<number>): string {
  let out = '';
  const arr = Array.from(units);
  for (let i = 0; i < arr.length; i += CHUNK) out += String.fromCharCode(...arr.slice(i, i + CHUNK));
  return out;
}

function utf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const n = Math.floor((bytes.length - start) / 2);
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const a = bytes[start + 2 * i] ?? 0;
    const b = bytes[start + 2 * i + 1] ?? 0;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return fromCodeUnits(units);
}

function utf32(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const parts: string[] = [];
  for (let i = start; i + 4 <= bytes.length; i += 4) {
    const [a = 0, b = 0, c = 0, d = 0] = bytes.subarray(i, i + 4);
    const cp = littleEndian ? a + b * 0x100 + c * 0x10000 + d * 0x1000000 : d + c * 0x100 + b * 0x10000 + a * 0x1000000;
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return parts.join('');
}

/** Bytes as Latin-1: one char per byte, so binary survives unchanged (PEM is ASCII anyway). */
export function latin1(bytes: Uint8Array): string {
  return fromCodeUnits(bytes);
}

/**
 * UTF-16 without BOM: ASCII text where every other byte is zero. Looks at the first 64 units only;
 * needs ≥ 8 units so that a short binary blob is not taken for text.
 */
function bomlessUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 16 || bytes.length % 2 !== 0) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < Math.min(bytes.length, 128); i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    if (!(b === 0 && a >= 0x09 && a < 0x7f)) le = false;
    if (!(a === 0 && b >= 0x09 && b < 0x7f)) be = false;
  }
  return le ? 'UTF-16LE' : be ? 'UTF-16BE' : undefined;
}

/**
 * Decodes uploaded bytes to text by their byte-order mark (UTF-32 checked before UTF-16: FF FE 00 00
 * starts both), or BOM-less UTF-16 of ASCII text. Without either, `fallback` decides: `latin1` keeps
 * every byte (for sniffing binary), `utf-8` decodes UTF-8 (for SSH key comments). Total.
 */
export function decodeText(bytes: Uint8Array, fallback: 'latin1' | 'utf-8' = 'latin1'): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { text: utf32(bytes, 4, true), encoding: 'UTF-32LE', bom: true };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { text: utf32(bytes, 4, false), encoding: 'UTF-32BE', bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16(bytes, 2, true), encoding: 'UTF-16LE', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: utf16(bytes, 2, false), encoding: 'UTF-16BE', bom: true };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const rest = bytes.subarray(3);
    return { text: fallback === 'utf-8' ? new TextDecoder('utf-8').decode(rest) : latin1(rest), encoding: 'UTF-8 BOM', bom: true };
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless) return { text: utf16(bytes, 0, bomless === 'UTF-16LE'), encoding: bomless, bom: false };
  if (fallback === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8', bom: false };
  return { text: latin1(bytes), encoding: 'latin1', bom: false };
}

/** True when the text is printable (no control chars but tab/CR/LF) — i.e. a text file, not binary. */
export function isPrintableText(text: string): boolean {
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/.test(text);
}
