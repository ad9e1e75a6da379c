import "server-only";
import type { Db } from "@/lib/db/client";
import { verifyAccessToken } from "./access-token";
import { authenticateClient } from "./client-authentication";
import type { OAuthUrls } from "./config";
import { oauthError, type OAuthError } from "./errors";
import { journalTokenRefused } from "./journal";
import { spendJti } from "./replay";
import { settleAttempt } from "@/lib/security/throttle";

// POST /oauth/introspect (RFC 7662), authenticated like the token endpoint (a fresh client assertion).
// A client learns about its own tokens only: any other token is { active: false } (RFC 7662 §4, token scanning).

export type IntrospectionOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: OAuthError; retryAfter?: number };

export async function handleIntrospection(
  db: Db,
  urls: OAuthUrls,
  request: { params: Map<string, string>; authorization: string | null; ip: string },
): Promise<IntrospectionOutcome> {
  const auth = await authenticateClient(db, urls, request);
  const refuse = async (error: OAuthError, clientId: string | null, retryAfter?: number, authenticated = false): Promise<IntrospectionOutcome> => {
    const client = auth.client;
    await db.transaction(async (tx) => {
      if (auth.attemptId !== undefined) await settleAttempt(tx, auth.attemptId, authenticated, { countsForSubject: auth.ok || auth.signatureVerified });
      await journalTokenRefused(tx, { client, clientId, error, ip: request.ip, endpoint: "introspect" });
    });
    return { ok: false, error, ...(retryAfter ? { retryAfter } : {}) };
  };
  if (!auth.ok) return refuse(auth.error, auth.clientId, auth.retryAfter);
  const { claims } = auth.verdict;
  if (!(await spendJti(db, auth.client.clientId, claims.jti, new Date(claims.exp * 1000)))) {
    return refuse(oauthError("assertion.jti-replayed", { jti: claims.jti, exp: new Date(claims.exp * 1000).toISOString() }), auth.client.clientId);
  }
  await settleAttempt(db, auth.attemptId, true);
  const token = request.params.get("token");
  if (!token) return refuse(oauthError("request.token-missing"), auth.client.clientId, undefined, true);
  const checked = await verifyAccessToken(db, urls, token);
  if (!checked.ok || checked.claims.client_id !== auth.client.clientId) return { ok: true, body: { active: false } };
  const c = checked.claims;
  return {
    ok: true,
    body: { active: true, scope: c.scope, client_id: c.client_id, token_type: "Bearer", exp: c.exp, iat: c.iat, sub: c.sub, aud: c.aud, iss: c.iss, jti: c.jti, enterprise: c.enterprise, quality: c.quality },
  };
}
