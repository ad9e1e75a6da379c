// Named error classes carrying their RFC error code, after panva's oidc-provider (lib/helpers/errors.js):
// RFC 6749 §5.2 for the token and introspection endpoints, RFC 6750 §3.1 for the protected API.
import { REASONS, type OAuthErrorCode, type ReasonParams, type RefusalReason } from "./reasons";

/**
 * RFC 6749 §5.2 / RFC 6750 §3: error_description is limited to %x20-21 / %x23-5B / %x5D-7E (printable ASCII
 * without `"` and `\`). French quotes and apostrophes become plain quotes, § becomes "section", accents are dropped (é → e), anything else → "?".
 * The localized rich text is only for the UI checker (messages/<locale>/oauth.json).
 */
export function rfcDescription(text: string): string {
  return text
    .replace(/[«»“”"‘’]/g, "'")
    // "RFC 6749 §3.2" must not read "RFC 6749 ?3.2".
    .replace(/§\s*/g, "section ")
    .replace(/\\/g, "/")
    .replace(/…/g, "...")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
}

/** A refusal of the token or introspection endpoint; `reason` is our stable, documented code. */
export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  readonly status: number;
  readonly reason: RefusalReason;
  readonly params: ReasonParams;
  /** RFC 6749 §5.2 error_description: the exact problem and the expected value, in English. */
  readonly description: string;

  constructor(reason: RefusalReason, params: ReasonParams = {}) {
    const spec = REASONS[reason];
    const description = rfcDescription(spec.describe(params));
    super(description);
    this.name = new.target.name;
    this.reason = reason;
    this.params = params;
    this.error = spec.error;
    this.status = "status" in spec ? spec.status : 400;
    this.description = description;
  }

  /** The RFC 6749 §5.2 JSON body (plus our `reason` code, an extension member). */
  toJSON(): { error: OAuthErrorCode; error_description: string; reason: RefusalReason } {
    return { error: this.error, error_description: this.description, reason: this.reason };
  }
}

/** RFC 6749 §5.2 invalid_request: a parameter missing, repeated, or malformed. */
export class InvalidRequest extends OAuthError {}
/** RFC 6749 §5.2 invalid_client: client authentication (the JWT assertion of RFC 7523 §3) failed. HTTP 401. */
export class InvalidClient extends OAuthError {}
/** RFC 6749 §5.2 invalid_scope: a scope unknown, of another quality, or not granted to the account. */
export class InvalidScope extends OAuthError {}
/** RFC 6749 §5.2 unsupported_grant_type: only client_credentials is offered. */
export class UnsupportedGrantType extends OAuthError {}
/** Throttled (HTTP 429 with Retry-After); RFC 6749 has no code for it, so invalid_request is sent. */
export class TooManyRequests extends OAuthError {}

/** The class that carries a reason's error code. */
export function oauthError(reason: RefusalReason, params: ReasonParams = {}): OAuthError {
  switch (REASONS[reason].error) {
    case "invalid_client":
      return new InvalidClient(reason, params);
    case "invalid_scope":
      return new InvalidScope(reason, params);
    case "unsupported_grant_type":
      return new UnsupportedGrantType(reason, params);
    default:
      return reason.startsWith("request.throttled") ? new TooManyRequests(reason, params) : new InvalidRequest(reason, params);
  }
}

export type BearerErrorCode = "invalid_request" | "invalid_token" | "insufficient_scope";

/** An RFC 6750 §3.1 refusal of the protected API, sent in WWW-Authenticate. */
export class BearerError extends Error {
  readonly error: BearerErrorCode;
  readonly status: number;
  constructor(error: BearerErrorCode, description: string, readonly scope?: string) {
    super(description);
    this.name = new.target.name;
    this.error = error;
    this.status = error === "invalid_token" ? 401 : error === "insufficient_scope" ? 403 : 400;
  }
}
/** RFC 6750 §3.1 invalid_request: no or malformed Authorization header. */
export class BearerInvalidRequest extends BearerError {
  constructor(description: string) {
    super("invalid_request", description);
  }
}
/** RFC 6750 §3.1 invalid_token: bad signature, expired, wrong audience or issuer, or the account is gone. */
export class InvalidToken extends BearerError {
  constructor(description: string) {
    super("invalid_token", description);
  }
}
/** RFC 6750 §3.1 insufficient_scope: the token lacks the scope the API needs. */
export class InsufficientScope extends BearerError {
  constructor(description: string, scope: string) {
    super("insufficient_scope", description, scope);
  }
}
