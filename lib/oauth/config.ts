// The REST channel's OAuth 2.0 constants and URLs (SPEC §7, seed 003 §6.1, issue 14).

/** RFC 7523 §2.2: the client_assertion_type of a JWT client assertion. */
export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Seed 003 §6.1: an assertion's `exp` may be at most 10 minutes after now. Seconds. */
export const ASSERTION_MAX_LIFETIME_S = 600;

/**
 * Clock skew tolerated between the client and us, in seconds, on `exp`, `nbf` and `iat` (RFC 7519 §4.1.4
 * "a small leeway"). Small on purpose: with 30 s an `exp` 11 minutes ahead is still refused.
 */
export const CLOCK_SKEW_S = 30;

/** Lifetime of the access tokens we issue (issue 14), seconds. */
export const ACCESS_TOKEN_TTL_S = 600;

/**
 * Signature algorithms accepted on client assertions: those a certificate of SPEC §4.4 can make
 * (RSA 2048–4096 → RS*, PS*; EC P-384 → ES384; EC P-521 → ES512). `none` and HMAC never.
 */
export const ASSERTION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES384", "ES512"] as const;
export type AssertionAlgorithm = (typeof ASSERTION_ALGORITHMS)[number];

/** Largest client assertion we read (bytes of the compact JWS); a real one is 1–2 KiB. */
export const ASSERTION_MAX_LENGTH = 8192;

export interface OAuthUrls {
  /** RFC 8414 §2 issuer identifier: exactly CHAMAN_PUBLIC_URL (without a trailing slash). */
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  introspectionEndpoint: string;
  /** The FLA sample API: the `aud` of the access tokens and its base URL. */
  flaApi: string;
}

/**
 * The public base URL from CHAMAN_PUBLIC_URL (default http://localhost:3000). It must be an http(s) URL
 * without query or fragment (RFC 8414 §2); a trailing slash is dropped so the URLs below are canonical.
 * @throws Error when the configured value is not such a URL (a deployment error, reported at first use).
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = (env.CHAMAN_PUBLIC_URL ?? "").trim() || "http://localhost:3000";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CHAMAN_PUBLIC_URL is not a URL: ${raw}`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new Error(`CHAMAN_PUBLIC_URL must be an http(s) URL without query or fragment: ${raw}`);
  }
  return raw.replace(/\/+$/, "");
}

/** Every URL of the OAuth server and the FLA API, derived from the public base URL. */
export function oauthUrls(base: string = publicBaseUrl()): OAuthUrls {
  return {
    issuer: base,
    tokenEndpoint: `${base}/oauth/token`,
    jwksUri: `${base}/oauth/jwks`,
    introspectionEndpoint: `${base}/oauth/introspect`,
    flaApi: `${base}/api/fla/v1`,
  };
}
