import "server-only";
import { decodeJwt } from "jose";
import type { Db } from "@/lib/db/client";
import { checkClientAssertion, type AssertionVerdict, type RestClient } from "./client-assertion";
import { findRestClient } from "./clients";
import { CLIENT_ASSERTION_TYPE, type OAuthUrls } from "./config";
import { oauthError, type OAuthError } from "./errors";
import { isJtiUsed } from "./replay";
import { firstUnsafeField, unsafeTextProblem } from "./safe-text";
import { reserveAttempt } from "@/lib/security/throttle";

// RFC 7521 §4.2 / RFC 7523 §2.2 client authentication of the token and introspection endpoints: private_key_jwt
// only (no client secret exists for a REST account), throttled per Client ID and per address with the atomic
// primitive of issue 19 (lib/security/throttle.ts, scope "oauth-token"): the attempt is reserved before any
// signature is verified (atomic per-address budget), and the caller settles it (settleAttempt) in the
// transaction that journals the outcome. A failure counts against the Client ID only when the assertion's
// signature verified with the account's key (signatureVerified): a signature cannot be brute-forced, so
// forged assertions from someone who merely knows the Client ID count against their address, never lock the
// client out; and pending attempts do not count for the Client ID (policy subjectCountsPending: false), so
// parallel valid requests are never throttled.

export type ClientAuthentication =
  | { ok: true; client: RestClient; verdict: AssertionVerdict & { claims: { iss: string; jti: string; exp: number } }; attemptId: number }
  | {
      ok: false;
      error: OAuthError;
      client: RestClient | null;
      clientId: string | null;
      retryAfter?: number;
      attemptId?: number;
      /** The assertion's signature verified with the account's key: the failure is the key holder's own and counts for the Client ID. */
      signatureVerified: boolean;
    };

function unverifiedIssuer(assertion: string | undefined): string | null {
  if (!assertion) return null;
  try {
    const iss = decodeJwt(assertion).iss;
    return typeof iss === "string" && !unsafeTextProblem(iss) ? iss.slice(0, 200) : null;
  } catch {
    return null;
  }
}

/**
 * Authenticates the client of a form request. Does not spend the assertion's jti nor settle the throttle
 * attempt: the caller does both in the transaction that records what the assertion was used for.
 */
export async function authenticateClient(
  db: Db,
  urls: OAuthUrls,
  request: { params: Map<string, string>; authorization: string | null; ip: string; now?: Date },
  options: { probeJti?: boolean } = {},
): Promise<ClientAuthentication> {
  const { params } = request;
  const assertion = params.get("client_assertion");
  const unsafe = firstUnsafeField(params);
  const clientId = unsafe ? null : (unverifiedIssuer(assertion) ?? params.get("client_id")?.slice(0, 200) ?? null);
  const reservation = await reserveAttempt(db, { scope: "oauth-token", subject: clientId ?? `(no client id)@${request.ip}`, address: request.ip });
  if (!reservation.ok) {
    const seconds = reservation.retryAfterSeconds;
    const error = reservation.reason === "subject" ? oauthError("request.throttled-client", { clientId: clientId ?? "", seconds }) : oauthError("request.throttled-address", { seconds });
    // An existing Client ID's refusals are journaled under its sender, so its managers see the lock-out.
    const client = clientId ? await findRestClient(db, clientId) : null;
    return { ok: false, error, client, clientId, retryAfter: reservation.retryAfterSeconds, signatureVerified: false };
  }
  const { attemptId } = reservation;
  const refuse = (error: OAuthError, client: RestClient | null = null, signatureVerified = false) => ({ ok: false as const, error, client, clientId, attemptId, signatureVerified });
  if (unsafe) return refuse(oauthError("request.invalid-characters", { name: unsafe.name, problem: unsafe.problem }));

  if (params.has("client_secret") || /^basic\s/i.test(request.authorization ?? "")) return refuse(oauthError("request.client-secret"));
  const assertionType = params.get("client_assertion_type");
  if (assertionType === undefined && assertion === undefined) return refuse(oauthError("request.assertion-missing"));
  if (assertionType !== CLIENT_ASSERTION_TYPE) return refuse(oauthError("request.assertion-type", { found: assertionType?.slice(0, 100) ?? "(missing)", expected: CLIENT_ASSERTION_TYPE }));
  if (!assertion) return refuse(oauthError("request.assertion-missing"));

  const verdict = await checkClientAssertion(assertion, {
    urls,
    now: request.now ?? new Date(),
    findClient: (id) => findRestClient(db, id),
    isJtiUsed: options.probeJti === false ? async () => false : (id, jti) => isJtiUsed(db, id, jti),
  });
  if (verdict.failure) return refuse(verdict.failure, verdict.client, verdict.certificate !== null);
  const { client, claims } = verdict;
  if (!client || !claims?.iss || !claims.jti || claims.exp === undefined) throw new Error("assertion verdict without client or claims");
  const sentClientId = params.get("client_id");
  // RFC 7521 §4.2: a client_id sent along must identify the same client as the assertion.
  if (sentClientId !== undefined && sentClientId !== claims.iss) return refuse(oauthError("request.client-id-mismatch", { found: sentClientId.slice(0, 200), expected: claims.iss }), client, true);
  return { ok: true, client, verdict: { ...verdict, claims: { iss: claims.iss, jti: claims.jti, exp: claims.exp } }, attemptId };
}
