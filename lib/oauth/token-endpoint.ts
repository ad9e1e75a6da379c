import "server-only";
import type { Db } from "@/lib/db/client";
import { issueAccessToken } from "./access-token";
import type { RestClient } from "./client-assertion";
import { authenticateClient, type ClientAuthentication } from "./client-authentication";
import { firstUnsafeField } from "./safe-text";
import type { OAuthUrls } from "./config";
import { oauthError, type OAuthError } from "./errors";
import { journalTokenRefused, tokenIssuedEvent } from "./journal";
import { spendJtiSettleAndJournal } from "./replay";
import { cachedScopeCatalogue, resolveScopes } from "./scopes";
import { settleAttempt } from "@/lib/security/throttle";

// POST /oauth/token (RFC 6749 §4.4 client credentials, RFC 7523 §2.2 private_key_jwt), as a service the route
// handler and the tests call alike: authenticate → grant type → scope → spend the jti and journal → token.

export interface TokenSuccess {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

export type TokenOutcome = { ok: true; body: TokenSuccess } | { ok: false; error: OAuthError; retryAfter?: number };

/** Handles one token request whose form body was read already (lib/oauth/http.ts readForm). */
export async function handleTokenRequest(
  db: Db,
  urls: OAuthUrls,
  request: { params: Map<string, string>; authorization: string | null; ip: string; now?: Date },
): Promise<TokenOutcome> {
  let client: RestClient | null = null;
  // Texts the database cannot store (NUL, lone surrogates) are refused by authenticateClient, throttled, before any query.
  const unsafe = firstUnsafeField(request.params);
  let clientId: string | null = unsafe ? null : (request.params.get("client_id") ?? null);
  const attempt: { id?: number; signatureVerified?: boolean } = {};
  // The throttle attempt (reserved by authenticateClient) is settled with the journal entry: failed when the
  // client could not be authenticated (or replayed its assertion), succeeded once the assertion verified.
  const refuse = async (error: OAuthError, options: { retryAfter?: number; authenticated?: boolean } = {}): Promise<TokenOutcome> => {
    await db.transaction(async (tx) => {
      if (attempt.id !== undefined) await settleAttempt(tx, attempt.id, options.authenticated === true, { countsForSubject: attempt.signatureVerified === true });
      await journalTokenRefused(tx, { client, clientId, error, ip: request.ip });
    });
    return { ok: false, error, ...(options.retryAfter ? { retryAfter: options.retryAfter } : {}) };
  };

  const grantType = request.params.get("grant_type");
  if (!unsafe && grantType === undefined) return refuse(oauthError("request.grant-type-missing"));
  if (!unsafe && grantType !== "client_credentials") return refuse(oauthError("request.grant-type-unsupported", { found: String(grantType).slice(0, 100) }));
  // The jti is spent atomically below (spendJtiSettleAndJournal), so no read-only probe first: one query less per token.
  const auth = await authenticateClient(db, urls, request, { probeJti: false });
  attempt.id = auth.attemptId;
  attempt.signatureVerified = auth.ok || auth.signatureVerified;
  if (!auth.ok) {
    client = auth.client;
    clientId = auth.clientId;
    return refuse(auth.error, { ...(auth.retryAfter ? { retryAfter: auth.retryAfter } : {}) });
  }
  client = auth.client;
  try {
    return await issueToken(auth.client, auth);
  } catch (error) {
    // The attempt must never stay pending (it would count against the address until the window ends).
    await settleAttempt(db, auth.attemptId, false, { countsForSubject: false }).catch(() => undefined);
    throw error;
  }

  async function issueToken(client: RestClient, auth: Extract<ClientAuthentication, { ok: true }>): Promise<TokenOutcome> {
    const catalogue = await cachedScopeCatalogue(db);
    const scopes = resolveScopes(request.params.get("scope"), catalogue, client);
    if (!scopes.ok) return refuse(scopes.error, { authenticated: true });

    const { claims } = auth.verdict;
    const issued = await issueAccessToken(db, urls, { clientId: client.clientId, scopes: scopes.scopes, enterpriseNumber: client.enterpriseNumber, qualityCode: client.qualityCode });
    // One statement spends the jti, settles the throttle attempt and journals the token (lib/oauth/replay.ts).
    const spent = await spendJtiSettleAndJournal(
      db,
      { clientId: client.clientId, jti: claims.jti, exp: new Date(claims.exp * 1000), attemptId: auth.attemptId },
      tokenIssuedEvent(client, request.ip, { scope: issued.claims.scope, certificate: auth.verdict.certificate?.name ?? "", jti: issued.claims.jti }),
    );
    if (!spent) return refuse(oauthError("assertion.jti-replayed", { jti: claims.jti, exp: new Date(claims.exp * 1000).toISOString() }));
    return { ok: true, body: { access_token: issued.token, token_type: "Bearer", expires_in: issued.expiresIn, scope: issued.claims.scope } };
  }
}
