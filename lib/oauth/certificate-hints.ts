// RFC 7515 §4.1.7–4.1.8 (x5t, x5t#S256) and §4.1.4 (kid): which of the account's certificates a client
// assertion's header designates, and the two mistakes integrators make most with thumbprints.
import { createHash } from "node:crypto";
import type { ReasonParams, RefusalReason } from "./reasons";

export interface HintedCertificate {
  id: string;
  der: Uint8Array;
}

const b64u = (bytes: Uint8Array | Buffer): string => Buffer.from(bytes).toString("base64url");
const digest = (algorithm: "sha1" | "sha256", der: Uint8Array) => createHash(algorithm).update(der).digest();

/** The header values that designate a certificate: x5t = base64url(SHA-1(DER)), x5t#S256 = base64url(SHA-256(DER)). */
export function thumbprints(der: Uint8Array): { x5t: string; x5tS256: string; sha1Hex: string; sha256Hex: string } {
  const sha1 = digest("sha1", der);
  const sha256 = digest("sha256", der);
  return { x5t: b64u(sha1), x5tS256: b64u(sha256), sha1Hex: sha1.toString("hex"), sha256Hex: sha256.toString("hex") };
}

/**
 * How a refusal names a certificate before the assertion's signature has verified: by its x5t#S256, never by
 * its name. Whoever knows a Client ID can send an assertion; the names are the managers' labels, and on a
 * delegated account the enterprise must not learn the intermediary's (SPEC §5). The integrator holding the key
 * knows its certificate's thumbprint (it is what x5t#S256 carries).
 */
export function publicCertificateLabel(der: Uint8Array): string {
  return labelOf(thumbprints(der));
}

const labelOf = (prints: { x5tS256: string }): string => `x5t#S256 ${prints.x5tS256}`;

/** The value as text when it is base64url of an ASCII hex string (the "hex before base64url" mistake). */
function hexInsideBase64url(value: string): string | null {
  const decoded = Buffer.from(value, "base64url").toString("latin1");
  return /^[0-9a-fA-F]+$/.test(decoded) ? decoded.toLowerCase() : null;
}

/** A header value as text for a message: strings as they are, anything else as JSON (never "[object Object]"). */
const shown = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? String(value))).slice(0, 120);

/** The base64url form of a standard-base64 value ("+", "/", "=" padding), or null when it has none of them. */
const fromStandardBase64 = (value: string): string | null => (/[+/=]/.test(value) ? value.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : null);

export type HintResult<C> =
  | { ok: true; designated: C[] | null }
  | { ok: false; reason: RefusalReason; params: ReasonParams };

/**
 * Resolves the x5t / x5t#S256 / kid header parameters against the account's certificates.
 * `designated` is null when the header names no certificate (every certificate is then tried).
 * A kid matches a certificate's x5t#S256, its x5t or its SHA-256 fingerprint in hex (colons allowed).
 */
export function resolveCertificateHint<C extends HintedCertificate>(header: Record<string, unknown>, certificates: C[]): HintResult<C> {
  const prints = certificates.map((c) => ({ cert: c, ...thumbprints(c.der) }));
  const list = (key: "x5t" | "x5tS256") => prints.map((p) => p[key]).join(", ") || "none";
  let designated: C[] | null = null;
  const narrow = (found: C[]) => {
    designated = designated ? designated.filter((c) => found.includes(c)) : found;
  };

  const x5t = header.x5t;
  if (x5t !== undefined) {
    const value = shown(x5t);
    const hex = hexInsideBase64url(value) ?? (/^[0-9a-fA-F]{40}$/.test(value) ? value.toLowerCase() : null);
    const byX5t = prints.filter((p) => p.x5t === value);
    if (byX5t.length === 0) {
      const hexMatch = prints.find((p) => hex === p.sha1Hex || hex === p.sha256Hex);
      if (hexMatch) return { ok: false, reason: "assertion.x5t-hex", params: { header: "x5t", certificate: labelOf(hexMatch), expected: hex === hexMatch.sha1Hex ? hexMatch.x5t : hexMatch.x5tS256 } };
      const url = fromStandardBase64(value);
      const b64Match = url ? prints.find((p) => p.x5t === url) : undefined;
      if (b64Match) return { ok: false, reason: "assertion.x5t-base64", params: { header: "x5t", certificate: labelOf(b64Match), expected: b64Match.x5t } };
      const sha256Match = prints.find((p) => p.x5tS256 === value);
      if (sha256Match) return { ok: false, reason: "assertion.x5t-sha256", params: { certificate: labelOf(sha256Match), x5tS256: sha256Match.x5tS256, x5t: sha256Match.x5t } };
      return { ok: false, reason: "assertion.x5t-unknown", params: { header: "x5t", found: value, expected: list("x5t") } };
    }
    narrow(byX5t.map((p) => p.cert));
  }

  const s256 = header["x5t#S256"];
  if (s256 !== undefined) {
    const value = shown(s256);
    const bySha256 = prints.filter((p) => p.x5tS256 === value);
    if (bySha256.length === 0) {
      const url = fromStandardBase64(value);
      const b64Match = url ? prints.find((p) => p.x5tS256 === url) : undefined;
      if (b64Match) return { ok: false, reason: "assertion.x5t-base64", params: { header: "x5t#S256", certificate: labelOf(b64Match), expected: b64Match.x5tS256 } };
      const hex = hexInsideBase64url(value) ?? (/^[0-9a-fA-F]{64}$/.test(value) ? value.toLowerCase() : null);
      const hexMatch = prints.find((p) => hex === p.sha256Hex);
      if (hexMatch) return { ok: false, reason: "assertion.x5t-hex", params: { header: "x5t#S256", certificate: labelOf(hexMatch), expected: hexMatch.x5tS256 } };
      return { ok: false, reason: "assertion.x5t-unknown", params: { header: "x5t#S256", found: value, expected: list("x5tS256") } };
    }
    narrow(bySha256.map((p) => p.cert));
  }

  const kid = header.kid;
  if (kid !== undefined) {
    const value = shown(kid);
    const bare = value.replace(/:/g, "").toLowerCase();
    const byKid = prints.filter((p) => p.x5tS256 === value || p.x5t === value || p.sha256Hex === bare);
    if (byKid.length === 0) return { ok: false, reason: "assertion.kid-unknown", params: { found: value, expected: list("x5tS256") } };
    narrow(byKid.map((p) => p.cert));
  }

  if (designated !== null && (designated as C[]).length === 0) {
    return { ok: false, reason: "assertion.x5t-unknown", params: { header: "x5t/x5t#S256/kid", found: "different certificates", expected: list("x5tS256") } };
  }
  return { ok: true, designated };
}
