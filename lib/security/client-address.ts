// Issue 19: the client address of a request, parsed rather than trusted verbatim. Pure (no Node
// server APIs beyond node:net's parser), unit-tested in client-address.test.ts.
//
// The chain is what X-Forwarded-For lists followed by the address of the TCP peer (the socket). Each
// trusted reverse proxy appends the address it received the request from, so with N trusted proxies in
// front of the app the client is the N-th address counted from the right of that chain; with N = 0 it is
// the socket's address and X-Forwarded-For is ignored (anyone can send it).
import { isIP } from "node:net";

/** Longest header we look at: a chain of a few dozen proxies at most, never an unbounded string. */
const maxHeaderLength = 2048;

/**
 * One address in canonical text form, or null when `text` is not an IP address. Accepts the forms
 * proxies write: `203.0.113.9`, `203.0.113.9:51234`, `2001:db8::1`, `[2001:db8::1]:443`; IPv4-mapped IPv6
 * (`::ffff:198.51.100.7`) becomes the IPv4 address; IPv6 is lower-cased and compressed (RFC 5952); a zone
 * (`%eth0`) is dropped.
 */
export function parseIpAddress(text: string): string | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%[\w.-]*$/, "");
  const family = isIP(value);
  if (family === 4) return value.split(".").map((part) => String(Number(part))).join(".");
  if (family !== 6) return null;
  // WHATWG URL serialises IPv6 hosts in RFC 5952 form (lower case, longest zero run compressed).
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped?.[1] && mapped[2]) {
    const high = parseInt(mapped[1], 16);
    const low = parseInt(mapped[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return canonical;
}

/**
 * The addresses of an X-Forwarded-For header, left (client side) to right (nearest proxy); an entry that
 * is not a valid IP address is kept as null so the positions counted from the right stay right.
 */
export function parseForwardedFor(header: string | null | undefined): (string | null)[] {
  if (!header) return [];
  return header
    .slice(0, maxHeaderLength)
    .split(",")
    .map((entry) => parseIpAddress(entry));
}

export interface AddressSources {
  /** Address of the TCP peer (the socket), as Node reports it; null when unknown. */
  peer: string | null | undefined;
  /** The X-Forwarded-For header as received (all its values joined with ","). */
  forwardedFor: string | null | undefined;
  /** How many reverse proxies of ours stand in front of the app (CHAMAN_TRUSTED_PROXIES). */
  trustedProxies: number;
}

/**
 * The client's address: the entry `trustedProxies` places left of the socket's address in the chain
 * X-Forwarded-For + peer (the leftmost one when the chain is shorter), or null when that entry is not a
 * valid IP address. Never a string a client chose that is not an address.
 */
export function pickClientAddress({ peer, forwardedFor, trustedProxies }: AddressSources): string | null {
  const chain = [...(trustedProxies > 0 ? parseForwardedFor(forwardedFor) : []), peer ? parseIpAddress(peer) : null];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? null;
}

/** CHAMAN_TRUSTED_PROXIES read strictly: a whole number from 0 to 10; anything else is refused. */
export function parseTrustedProxies(value: string | undefined): { ok: true; value: number } | { ok: false } {
  if (value === undefined || value.trim() === "") return { ok: true, value: 0 };
  if (!/^\d{1,2}$/.test(value.trim())) return { ok: false };
  const n = Number(value.trim());
  return n <= 10 ? { ok: true, value: n } : { ok: false };
}
