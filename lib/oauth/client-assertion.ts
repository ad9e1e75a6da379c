// RFC 7523 §3 client authentication with a JWT signed by the key of one of the REST account's certificates
// (SPEC §7, seed 003 §6.1). One function checks every rule and reports each as a line, so the token endpoint
// (first failure → error) and the assertion checker (every line, ✓/✗) can never disagree.
import { X509Certificate, type KeyObject } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";
import { publicCertificateLabel, resolveCertificateHint } from "./certificate-hints";
import { ASSERTION_ALGORITHMS, ASSERTION_MAX_LENGTH, ASSERTION_MAX_LIFETIME_S, CLOCK_SKEW_S, type AssertionAlgorithm, type OAuthUrls } from "./config";
import { oauthError, type OAuthError } from "./errors";
import { firstUnsafeField } from "./safe-text";
import type { ReasonParams, RefusalReason } from "./reasons";

/** A certificate of the account, as the rules need it. */
export interface ClientCertificate {
  id: string;
  name: string;
  der: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** The certificate's public key when already parsed (lib/oauth/clients.ts caches it); else parsed from `der`. */
  publicKey?: KeyObject | null;
}

/** A REST account seen as an OAuth client (lib/oauth/clients.ts loads it). */
export interface RestClient {
  accountId: string;
  clientId: string;
  senderId: string;
  enterpriseId: string;
  /** BCE/KBO number, 10 digits. */
  enterpriseNumber: string;
  qualityId: number;
  qualityCode: string;
  /** The quality's French name, for the scope errors' descriptions. */
  qualityName: string;
  /** The permissions (catalogue ids) the account holds: they decide its grantable scopes. */
  permissionIds: number[];
  /** Managed by a technical intermediary (SPEC §5): its certificates are the account's certificates. */
  delegated: boolean;
  certificates: ClientCertificate[];
}

export const ASSERTION_RULES = ["format", "alg", "iss", "sub", "client", "aud", "exp", "nbf", "iat", "jti", "certificate-hint", "signature", "certificate-validity", "jti-unused"] as const;
export type AssertionRule = (typeof ASSERTION_RULES)[number];

export interface RuleCheck {
  rule: AssertionRule;
  status: "ok" | "failed" | "skipped";
  reason?: RefusalReason;
  params?: ReasonParams;
}

export interface AssertionVerdict {
  checks: RuleCheck[];
  /** The first failed rule as the error the token endpoint answers; null when every rule holds. */
  failure: OAuthError | null;
  client: RestClient | null;
  /** Claims once the JWT could be decoded (never the signature). */
  claims: { iss?: string; jti?: string; exp?: number } | null;
  /** The certificate whose key verified the signature. */
  certificate: { id: string; name: string } | null;
}

export interface AssertionContext {
  urls: OAuthUrls;
  now: Date;
  findClient(clientId: string): Promise<RestClient | null>;
  /** Read-only: whether this jti was already spent (the checker never spends it). */
  isJtiUsed(clientId: string, jti: string): Promise<boolean>;
  /** The assertion checker of one account's page: any other iss is reported as such. */
  expectedClientId?: string;
}

const HASH_BITS: Record<string, string> = { "256": "SHA-256", "384": "SHA-384", "512": "SHA-512" };

function keyOf(certificate: ClientCertificate): KeyObject | null {
  if (certificate.publicKey !== undefined) return certificate.publicKey;
  try {
    return new X509Certificate(certificate.der).publicKey;
  } catch {
    return null;
  }
}

/** The algorithms a certificate's key can sign with (SPEC §4.4 keys). */
export function algorithmsForKey(key: KeyObject): AssertionAlgorithm[] {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === "rsa") return ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];
  if (key.asymmetricKeyType === "rsa-pss") return ["PS256", "PS384", "PS512"];
  if (key.asymmetricKeyType === "ec" && details?.namedCurve === "secp384r1") return ["ES384"];
  if (key.asymmetricKeyType === "ec" && details?.namedCurve === "secp521r1") return ["ES512"];
  return [];
}

function describeKey(key: KeyObject): string {
  const d = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType?.startsWith("rsa")) return `RSA ${d?.modulusLength ?? "?"}`;
  if (key.asymmetricKeyType === "ec") return `EC ${d?.namedCurve === "secp384r1" ? "P-384" : d?.namedCurve === "secp521r1" ? "P-521" : d?.namedCurve}`;
  return key.asymmetricKeyType ?? "unknown";
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const isNumericDate = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Checks a client assertion against every rule of issue 14, in order. Never throws for bad input; reads
 * the database only through `ctx` (account lookup, jti probe). Cost: one signature verification per
 * candidate certificate (a few hundred µs for RSA 2048).
 */
export async function checkClientAssertion(assertion: string, ctx: AssertionContext): Promise<AssertionVerdict> {
  const checks = new Map<AssertionRule, RuleCheck>();
  const pass = (rule: AssertionRule, params?: ReasonParams) => checks.set(rule, { rule, status: "ok", ...(params ? { params } : {}) });
  const fail = (rule: AssertionRule, reason: RefusalReason, params: ReasonParams = {}) => checks.set(rule, { rule, status: "failed", reason, params });
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  const nowIso = ctx.now.toISOString();
  let header: Record<string, unknown> | null = null;
  let payload: JWTPayload | null = null;
  let client: RestClient | null = null;
  let signer: ClientCertificate | null = null;

  // format
  const parts = assertion.split(".");
  // Same answer from the endpoint and the checker (which does not trim): whitespace around is its own mistake.
  // `position` / `problem` are codes for the translated checker messages; `where` / `detail` the English description's words.
  const newline = /\n$/.test(assertion);
  if (assertion !== assertion.trim()) fail("format", "assertion.whitespace", { where: newline ? "trailing newline" : "whitespace", position: newline ? "newline" : "other" });
  else if (assertion.length > ASSERTION_MAX_LENGTH) fail("format", "assertion.malformed", { detail: `longer than ${ASSERTION_MAX_LENGTH} characters`, problem: "tooLong", max: ASSERTION_MAX_LENGTH });
  // Five parts is a JWE (RFC 7516 compact): encrypted, not signed — name it, the count alone does not help.
  else if (parts.length === 5) fail("format", "assertion.malformed", { detail: "5 parts found, 3 expected: this is an encrypted JWT (JWE); send a signed JWT (JWS)", problem: "encrypted", parts: 5 });
  else if (parts.length !== 3) fail("format", "assertion.malformed", { detail: `${parts.length} part(s) found, 3 expected`, problem: "parts", parts: parts.length });
  else {
    try {
      header = decodeProtectedHeader(assertion) as Record<string, unknown>;
      payload = decodeJwt(assertion);
      // Claims reach the database (account lookup, jti): refuse what it cannot store before any query.
      const unsafe = firstUnsafeField([["iss", payload.iss], ["sub", payload.sub], ["jti", payload.jti]]);
      if (unsafe) {
        fail("format", "assertion.invalid-characters", { name: unsafe.name, problem: unsafe.problem });
        payload = null;
        header = null;
      } else pass("format");
    } catch (error) {
      fail("format", "assertion.malformed", { detail: error instanceof Error ? error.message : "undecodable", problem: "undecodable" });
    }
  }

  // alg
  const expectedAlgs = ASSERTION_ALGORITHMS.join(", ");
  const alg = typeof header?.alg === "string" ? header.alg : null;
  if (header) {
    // RFC 7515 §4.1.11: a crit parameter (b64:false of RFC 7797 included) we do not understand makes the JWS invalid.
    if (header.crit !== undefined || header.b64 !== undefined) fail("alg", "assertion.crit-unsupported", { found: JSON.stringify(header.crit ?? { b64: header.b64 }).slice(0, 120) });
    else if (header.alg === undefined) fail("alg", "assertion.alg-missing", { expected: expectedAlgs });
    else if (alg === null || alg.toLowerCase() === "none") fail("alg", "assertion.alg-none", { expected: expectedAlgs });
    else if (/^HS\d+$/i.test(alg)) fail("alg", "assertion.alg-hmac", { found: alg, expected: expectedAlgs });
    else if (!(ASSERTION_ALGORITHMS as readonly string[]).includes(alg)) fail("alg", "assertion.alg-unsupported", { found: alg, expected: expectedAlgs });
    else pass("alg", { found: alg });
  }

  // iss, sub, client
  const iss = typeof payload?.iss === "string" && payload.iss !== "" ? payload.iss : null;
  if (payload) {
    if (!iss) fail("iss", "assertion.iss-missing");
    else pass("iss", { found: iss });
    if (iss) {
      if (payload.sub !== iss) fail("sub", "assertion.sub-mismatch", { found: String(payload.sub ?? "(missing)"), expected: iss });
      else pass("sub", { found: iss });
      if (ctx.expectedClientId !== undefined && iss !== ctx.expectedClientId) fail("client", "assertion.client-other-account", { found: iss, expected: ctx.expectedClientId });
      else {
        client = await ctx.findClient(iss);
        if (!client) fail("client", "assertion.client-unknown", { found: iss });
        else pass("client", { found: iss });
      }
    }

    // aud: the token endpoint URL (seed 003) or the issuer identifier (RFC 7523 §3 item 3), nothing else.
    const accepted = [ctx.urls.tokenEndpoint, ctx.urls.issuer];
    const aud = payload.aud;
    const auds = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
    if (auds.length === 0 || !auds.every((a) => accepted.includes(a))) {
      fail("aud", "assertion.aud", { found: aud === undefined ? "(missing)" : JSON.stringify(aud), expected: ctx.urls.tokenEndpoint, issuer: ctx.urls.issuer });
    } else pass("aud", { found: auds.join(", ") });

    // exp: present, in the future, at most 10 minutes ahead (seed 003), with CLOCK_SKEW_S of leeway.
    const exp = payload.exp;
    // A claim sent as text ("exp": "1796…") is not a missing claim: say what it must be (RFC 7519 §2).
    const notNumeric = (value: unknown) => ({ found: JSON.stringify(value)?.slice(0, 60) ?? String(value), example: nowS + 300 });
    if (exp === undefined) fail("exp", "assertion.exp-missing", { max: ASSERTION_MAX_LIFETIME_S });
    else if (!isNumericDate(exp)) fail("exp", "assertion.numeric-date", { claim: "exp", ...notNumeric(exp) });
    else if (exp <= nowS - CLOCK_SKEW_S) fail("exp", "assertion.expired", { exp: iso(exp), now: nowIso });
    else if (exp - nowS > ASSERTION_MAX_LIFETIME_S + CLOCK_SKEW_S) fail("exp", "assertion.exp-too-far", { exp: iso(exp), now: nowIso, seconds: exp - nowS, max: ASSERTION_MAX_LIFETIME_S });
    else pass("exp", { exp: iso(exp) });

    for (const claim of ["nbf", "iat"] as const) {
      const value = payload[claim];
      if (value === undefined) pass(claim);
      else if (!isNumericDate(value)) fail(claim, "assertion.numeric-date", { claim, ...notNumeric(value) });
      else if (value > nowS + CLOCK_SKEW_S) {
        fail(claim, claim === "nbf" ? "assertion.nbf-future" : "assertion.iat-future", { [claim]: iso(value), now: nowIso, skew: CLOCK_SKEW_S });
      } else pass(claim, { [claim]: iso(value) });
    }

    if (payload.jti === undefined || payload.jti === "") fail("jti", "assertion.jti-missing");
    else if (typeof payload.jti !== "string") fail("jti", "assertion.jti-invalid", { detail: `a ${typeof payload.jti}, not a string` });
    else if (payload.jti.length > 255) fail("jti", "assertion.jti-invalid", { detail: `${payload.jti.length} characters, at most 255` });
    else pass("jti", { jti: payload.jti });
  }

  // certificate-hint, signature, certificate-validity
  if (client && header) {
    const hint = resolveCertificateHint(header, client.certificates);
    if (!hint.ok) fail("certificate-hint", hint.reason, hint.params);
    else pass("certificate-hint");
    if (hint.ok && checks.get("alg")?.status === "ok" && alg) {
      const candidates = (hint.designated ?? client.certificates).map((c) => ({ cert: c, key: keyOf(c) })).filter((c): c is { cert: ClientCertificate; key: KeyObject } => c.key !== null);
      const fitting = candidates.filter((c) => algorithmsForKey(c.key).includes(alg as AssertionAlgorithm));
      if (candidates.length === 0) fail("signature", "assertion.no-certificate", { clientId: client.clientId });
      else if (fitting.length === 0) {
        const keys = [...new Set(candidates.map((c) => describeKey(c.key)))].join(", ");
        const expected = [...new Set(candidates.flatMap((c) => algorithmsForKey(c.key)))].join(", ");
        fail("signature", "assertion.alg-key-mismatch", { found: alg, keys, expected: expected || "none" });
      } else {
        // Certificates valid now first: a renewed certificate often keeps the key of the expired one.
        const valid = (c: ClientCertificate) => c.notBefore <= ctx.now && ctx.now <= c.notAfter;
        fitting.sort((a, b) => Number(valid(b.cert)) - Number(valid(a.cert)));
        for (const candidate of fitting) {
          try {
            await compactVerify(assertion, candidate.key, { algorithms: [alg] });
            signer = candidate.cert;
            break;
          } catch {
            // Not this certificate's key; try the next one.
          }
        }
        if (!signer) fail("signature", "assertion.signature", { certificates: fitting.map((c) => publicCertificateLabel(c.cert.der)).join(", ") });
        else {
          pass("signature", { certificate: signer.name, hash: HASH_BITS[alg.slice(2)] ?? alg });
          if (ctx.now > signer.notAfter) fail("certificate-validity", "assertion.certificate-expired", { certificate: signer.name, notAfter: signer.notAfter.toISOString() });
          else if (ctx.now < signer.notBefore) fail("certificate-validity", "assertion.certificate-not-yet-valid", { certificate: signer.name, notBefore: signer.notBefore.toISOString() });
          else pass("certificate-validity", { certificate: signer.name, notAfter: signer.notAfter.toISOString() });
        }
      }
    }
  }

  // jti-unused (read-only here; the token endpoint spends it atomically, lib/oauth/replay.ts)
  if (client && checks.get("jti")?.status === "ok" && typeof payload?.jti === "string") {
    if (await ctx.isJtiUsed(client.clientId, payload.jti)) {
      fail("jti-unused", "assertion.jti-replayed", { jti: payload.jti, exp: isNumericDate(payload.exp) ? iso(payload.exp) : "?" });
    } else pass("jti-unused");
  }

  const lines: RuleCheck[] = ASSERTION_RULES.map((rule) => checks.get(rule) ?? { rule, status: "skipped" });
  const firstFailure = lines.find((l) => l.status === "failed");
  return {
    checks: lines,
    failure: firstFailure?.reason ? oauthError(firstFailure.reason, firstFailure.params) : null,
    client,
    claims: payload ? { ...(iss ? { iss } : {}), ...(typeof payload.jti === "string" ? { jti: payload.jti } : {}), ...(isNumericDate(payload.exp) ? { exp: payload.exp } : {}) } : null,
    certificate: signer ? { id: signer.id, name: signer.name } : null,
  };
}
