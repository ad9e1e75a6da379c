import "server-only";
import { randomUUID } from "node:crypto";
import { decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import type { Queryable } from "@/lib/db/client";
import { ACCESS_TOKEN_TTL_S, type OAuthUrls } from "./config";
import { activeSigningKey, verificationKey } from "./signing-keys";

// Access tokens are JWTs in the RFC 9068 profile (typ "at+jwt"), signed by the server's key (lib/oauth/
// signing-keys.ts), valid ACCESS_TOKEN_TTL_S (10 minutes), with the client, scope, enterprise and quality.

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  client_id: string;
  scope: string;
  /** The account's enterprise number (BCE/KBO, 10 digits). */
  enterprise: string;
  /** The account's quality code (e.g. employeur-onss). */
  quality: string;
  iat: number;
  exp: number;
  jti: string;
}

/** Signs an access token; returns it with its lifetime in seconds (RFC 6749 §5.1 expires_in). */
export async function issueAccessToken(
  q: Queryable,
  urls: OAuthUrls,
  grant: { clientId: string; scopes: string[]; enterpriseNumber: string; qualityCode: string },
): Promise<{ token: string; expiresIn: number; claims: AccessTokenClaims }> {
  const key = await activeSigningKey(q);
  const iat = Math.floor(Date.now() / 1000);
  const claims: AccessTokenClaims = {
    iss: urls.issuer,
    sub: grant.clientId,
    aud: urls.flaApi,
    client_id: grant.clientId,
    scope: grant.scopes.join(" "),
    enterprise: grant.enterpriseNumber,
    quality: grant.qualityCode,
    iat,
    exp: iat + ACCESS_TOKEN_TTL_S,
    jti: randomUUID(),
  };
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "at+jwt" }).sign(key.privateKey);
  return { token, expiresIn: ACCESS_TOKEN_TTL_S, claims };
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; description: string };

/**
 * Verifies one of our access tokens (RFC 9068 §4): our key (by kid), typ at+jwt, iss, aud, exp (no leeway: we
 * issued it). Never throws; the description says what is wrong, for RFC 6750 error_description.
 */
export async function verifyAccessToken(q: Queryable, urls: OAuthUrls, token: string): Promise<TokenCheck> {
  if (token.length > 4096) return { ok: false, description: "The access token is too long to be one of ours." };
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return { ok: false, description: "The access token is not a JWT; send the access_token from POST /oauth/token." };
  }
  const key = kid ? await verificationKey(q, kid) : null;
  if (!key) return { ok: false, description: "The access token is not signed by a current key of this server (see /oauth/jwks); get a new token." };
  try {
    const { payload } = await jwtVerify(token, key, { issuer: urls.issuer, audience: urls.flaApi, typ: "at+jwt", algorithms: ["ES256"], requiredClaims: ["exp", "client_id", "scope", "enterprise", "quality"] });
    return { ok: true, claims: payload as unknown as AccessTokenClaims };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_JWT_EXPIRED") return { ok: false, description: "The access token has expired (tokens last 10 minutes); get a new one from /oauth/token." };
    if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") {
      const claim = (error as { claim?: string }).claim;
      return { ok: false, description: `The access token's ${claim} claim is wrong: expected iss ${urls.issuer}, aud ${urls.flaApi}.` };
    }
    return { ok: false, description: "The access token's signature does not verify; send the token unchanged." };
  }
}
