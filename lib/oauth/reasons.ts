// Every reason the token endpoint, the introspection endpoint and the assertion checker may give, each with
// its RFC 6749 §5.2 error code and an English error_description naming the problem and the expected value.
// The app shows the same reasons translated (messages/<locale>/oauth.json, key `reasons.<code>`).

export type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type";
export type ReasonParams = Record<string, string | number>;

interface ReasonSpec {
  error: OAuthErrorCode;
  /** HTTP status: 401 for invalid_client (issue 14), 429 when throttled, else 400 (RFC 6749 §5.2). */
  status?: number;
  describe: (p: ReasonParams) => string;
  /**
   * Parameters only the translated checker messages use (ICU select on a code instead of the English
   * fragment the description carries, e.g. « 1 part(s) found »): lib/oauth/messages.test.ts allows them.
   */
  uiParams?: readonly string[];
}

const spec = <T extends Record<string, ReasonSpec>>(value: T) => value;

export const REASONS = spec({
  // The HTTP request itself (RFC 6749 §3.2, §4.4.2).
  "request.content-type": { error: "invalid_request", describe: (p) => `The request body must be application/x-www-form-urlencoded (RFC 6749 §3.2); found ${p.found}.` },
  "request.too-large": { error: "invalid_request", describe: (p) => `The request body is larger than ${p.max} bytes.` },
  "request.duplicate-parameter": { error: "invalid_request", describe: (p) => `The parameter ${p.name} is sent more than once; send it once (RFC 6749 §3.2).` },
  "request.invalid-characters": { error: "invalid_request", describe: (p) => `${p.name} contains ${p.problem === "lone-surrogate" ? "a lone UTF-16 surrogate (invalid UTF-8)" : "a control character (such as NUL or a newline)"}; send printable text only.` },
  "request.grant-type-missing": { error: "invalid_request", describe: () => "grant_type is missing; expected grant_type=client_credentials." },
  "request.grant-type-unsupported": { error: "unsupported_grant_type", describe: (p) => `grant_type ${p.found} is not supported; expected client_credentials.` },
  "request.client-secret": { error: "invalid_client", status: 401, describe: () => "Client secrets are not accepted: authenticate with a client_assertion signed by the key of one of the account's certificates (private_key_jwt, RFC 7523)." },
  "request.assertion-missing": { error: "invalid_client", status: 401, describe: () => "client_assertion is missing: send a JWT signed with the private key of one of the REST account's certificates (RFC 7523 §2.2)." },
  "request.assertion-type": { error: "invalid_request", describe: (p) => `client_assertion_type is ${p.found}; expected ${p.expected}.` },
  "request.client-id-mismatch": { error: "invalid_client", status: 401, describe: (p) => `client_id ${p.found} differs from the assertion's iss ${p.expected}; they must be the same Client ID.` },
  "request.token-missing": { error: "invalid_request", describe: () => "token is missing: send the access token to introspect (RFC 7662 §2.1)." },
  "request.throttled-client": { error: "invalid_request", status: 429, describe: (p) => `Too many refused requests for Client ID ${p.clientId} whose assertion was signed with the account's key (replayed jti, bad scope, expired...): retry in ${p.seconds} seconds, after fixing the assertion (use the assertion checker).` },
  "request.throttled-address": { error: "invalid_request", status: 429, describe: (p) => `Too many requests from your address refused or still being verified: retry in ${p.seconds} seconds at most.` },

  // The client assertion (RFC 7523 §3, SPEC §7), in the order they are checked.
  "assertion.malformed": { error: "invalid_client", status: 401, uiParams: ["problem", "parts", "max"], describe: (p) => `client_assertion is not a signed JWT (JWS compact serialization: three base64url parts separated by dots): ${p.detail}.` },
  "assertion.whitespace": { error: "invalid_client", status: 401, uiParams: ["position"], describe: (p) => `The assertion has whitespace around it: remove the ${p.where} (send the JWT exactly as signed).` },
  "assertion.invalid-characters": { error: "invalid_request", describe: (p) => `The assertion's ${p.name} claim contains ${p.problem === "lone-surrogate" ? "a lone UTF-16 surrogate" : "a control character (such as NUL)"}; use printable text only.` },
  "assertion.crit-unsupported": { error: "invalid_client", status: 401, describe: (p) => `The JWS header has crit or b64 (${p.found}), which this server does not support (RFC 7515 §4.1.11); sign a plain JWT without them.` },
  "assertion.alg-missing": { error: "invalid_client", status: 401, describe: (p) => `The JWS header has no alg; set alg to one of ${p.expected}.` },
  "assertion.alg-none": { error: "invalid_client", status: 401, describe: (p) => `alg none (an unsigned JWT) is refused; sign with one of ${p.expected}.` },
  "assertion.alg-hmac": { error: "invalid_client", status: 401, describe: (p) => `alg ${p.found} is an HMAC with a shared secret and is refused; sign with the certificate's private key using one of ${p.expected}.` },
  "assertion.alg-unsupported": { error: "invalid_client", status: 401, describe: (p) => `alg ${p.found} is not accepted; use one of ${p.expected}.` },
  "assertion.iss-missing": { error: "invalid_client", status: 401, describe: () => "The assertion has no iss claim; iss must be your Client ID (self_service_chaman_…)." },
  "assertion.sub-mismatch": { error: "invalid_client", status: 401, describe: (p) => `sub is ${p.found} but must equal iss, your Client ID ${p.expected}.` },
  "assertion.client-unknown": { error: "invalid_client", status: 401, describe: (p) => `No REST account has the Client ID ${p.found} (deleted, or mistyped): copy it from the account's page in Chaman.` },
  "assertion.client-other-account": { error: "invalid_client", status: 401, describe: (p) => `iss is ${p.found} but this account's Client ID is ${p.expected}.` },
  "assertion.aud": { error: "invalid_client", status: 401, describe: (p) => `aud is ${p.found}; expected the token endpoint URL ${p.expected} (or the issuer ${p.issuer}), nothing else.` },
  "assertion.exp-missing": { error: "invalid_client", status: 401, describe: (p) => `The assertion has no exp claim; set exp to at most ${p.max} seconds after now (seed 003: 10 minutes).` },
  "assertion.expired": { error: "invalid_client", status: 401, describe: (p) => `The assertion expired at ${p.exp} (server time ${p.now}); make a new one just before each token request.` },
  "assertion.exp-too-far": { error: "invalid_client", status: 401, describe: (p) => `exp ${p.exp} is ${p.seconds} seconds after now (${p.now}); it may be at most ${p.max} seconds (10 minutes) ahead.` },
  "assertion.numeric-date": { error: "invalid_client", status: 401, describe: (p) => `${p.claim} is ${p.found}; it must be a NumericDate, a JSON number of seconds since 1970-01-01 UTC (RFC 7519 §2), e.g. ${p.example}.` },
  "assertion.nbf-future": { error: "invalid_client", status: 401, describe: (p) => `nbf ${p.nbf} is in the future (server time ${p.now}, ${p.skew} s of clock skew allowed); check the client's clock.` },
  "assertion.iat-future": { error: "invalid_client", status: 401, describe: (p) => `iat ${p.iat} is in the future (server time ${p.now}, ${p.skew} s of clock skew allowed); check the client's clock.` },
  "assertion.jti-missing": { error: "invalid_client", status: 401, describe: () => "The assertion has no jti claim; put a new random value (a UUID) in every assertion." },
  "assertion.jti-invalid": { error: "invalid_client", status: 401, describe: (p) => `jti must be a string of at most 255 characters (a UUID); found ${p.detail}.` },
  "assertion.x5t-base64": { error: "invalid_client", status: 401, describe: (p) => `${p.header} of certificate « ${p.certificate} » is standard base64 ("+", "/", "=" padding); use base64url without padding: ${p.expected}.` },
  "assertion.x5t-hex": { error: "invalid_client", status: 401, describe: (p) => `${p.header} holds the thumbprint of certificate « ${p.certificate} » hex-encoded before base64url; base64url-encode the raw digest bytes instead: ${p.expected}.` },
  "assertion.x5t-sha256": { error: "invalid_client", status: 401, describe: (p) => `x5t holds the SHA-256 thumbprint of certificate « ${p.certificate} »; x5t is the SHA-1 thumbprint. Put it under x5t#S256 instead: x5t#S256 = ${p.x5tS256} (or x5t = ${p.x5t}).` },
  "assertion.x5t-unknown": { error: "invalid_client", status: 401, describe: (p) => `${p.header} ${p.found} designates none of this account's certificates (${p.expected}).` },
  "assertion.kid-unknown": { error: "invalid_client", status: 401, describe: (p) => `kid ${p.found} designates none of this account's certificates; use a certificate's x5t#S256 (${p.expected}) or leave kid out.` },
  "assertion.no-certificate": { error: "invalid_client", status: 401, describe: (p) => `The account ${p.clientId} has no certificate to verify the assertion with; add one in Chaman.` },
  "assertion.alg-key-mismatch": { error: "invalid_client", status: 401, describe: (p) => `alg ${p.found} does not fit the key of the account's certificates (${p.keys}); use ${p.expected}.` },
  "assertion.signature": { error: "invalid_client", status: 401, describe: (p) => `The signature does not verify with the public key of any of the account's certificates (${p.certificates}): sign with the private key of one of them.` },
  "assertion.certificate-expired": { error: "invalid_client", status: 401, describe: (p) => `The assertion is signed with certificate « ${p.certificate} », which expired on ${p.notAfter}; add a valid certificate in Chaman and sign with its key.` },
  "assertion.certificate-not-yet-valid": { error: "invalid_client", status: 401, describe: (p) => `The assertion is signed with certificate « ${p.certificate} », valid only from ${p.notBefore}.` },
  "assertion.jti-replayed": { error: "invalid_client", status: 401, describe: (p) => `jti ${p.jti} was already used; every token request needs a new assertion with a new jti (single use until ${p.exp}).` },

  // Scopes (RFC 6749 §3.3, seed 003 §6.1).
  "scope.unknown": { error: "invalid_scope", describe: (p) => `Unknown scope ${p.found}; this account may request: ${p.expected}.` },
  "scope.other-quality": { error: "invalid_scope", describe: (p) => `Scope ${p.found} belongs to another quality (${p.qualities}); this account acts as ${p.quality} and may request: ${p.expected}.` },
  "scope.not-granted": { error: "invalid_scope", describe: (p) => `Scope ${p.found} needs the permission « ${p.permission} », which this REST account does not have: a manager ticks it in Chaman.` },
  "scope.none-grantable": { error: "invalid_scope", describe: () => "This account holds no web-service permission that grants a scope: a manager ticks one in Chaman (e.g. « CareerPro - Federal Learning Account - Déclaration »)." },
});

export type RefusalReason = keyof typeof REASONS;
export const REFUSAL_REASONS = Object.keys(REASONS) as RefusalReason[];
