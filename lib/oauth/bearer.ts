import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accounts, oauthScopes, permissions } from "@/lib/db/schema";
import { verifyAccessToken, type AccessTokenClaims } from "./access-token";
import type { OAuthUrls } from "./config";
import { BearerError, BearerInvalidRequest, InsufficientScope, InvalidToken, rfcDescription } from "./errors";

// RFC 6750 for the protected sample APIs: the Authorization: Bearer header (§2.1), the token checked
// (lib/oauth/access-token.ts), the scope the API needs, and the account still existing (a deleted account's
// tokens stop working at once, not after 10 minutes).

/** Thrown when no credentials were sent at all: RFC 6750 §3.1 says answer 401 without an error code. */
export class BearerMissing extends BearerError {
  constructor() {
    super("invalid_request", "Send the access token: Authorization: Bearer <access_token> (RFC 6750 §2.1).");
  }
}

/** The scopes (from the catalogue) that grant the web-service permission `permissionCode`. */
export async function scopesForPermission(q: Queryable, permissionCode: string): Promise<string[]> {
  const rows = await q.selectDistinct({ scope: oauthScopes.scope }).from(oauthScopes).innerJoin(permissions, eq(permissions.id, oauthScopes.permissionId)).where(eq(permissions.code, permissionCode));
  return rows.map((r) => r.scope);
}

/**
 * Authorises a request to an API that needs `permissionCode`. Returns the token's claims.
 * @throws BearerMissing | BearerInvalidRequest | InvalidToken | InsufficientScope
 */
export async function requireBearer(q: Queryable, urls: OAuthUrls, request: Request, permissionCode: string): Promise<AccessTokenClaims> {
  const header = request.headers.get("authorization");
  if (!header) throw new BearerMissing();
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  if (!match?.[1]) throw new BearerInvalidRequest("The Authorization header must be « Bearer <access_token> » (RFC 6750 §2.1).");
  const checked = await verifyAccessToken(q, urls, match[1]);
  if (!checked.ok) throw new InvalidToken(checked.description);
  const [account] = await q.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.clientId, checked.claims.client_id), eq(accounts.type, "REST"))).limit(1);
  if (!account) throw new InvalidToken(`The REST account ${checked.claims.client_id} no longer exists.`);
  const needed = await scopesForPermission(q, permissionCode);
  const held = checked.claims.scope.split(" ");
  if (!needed.some((s) => held.includes(s))) {
    throw new InsufficientScope(`This API needs one of the scopes ${needed.join(", ")}; the token has ${checked.claims.scope || "none"}.`, needed.join(" "));
  }
  return checked.claims;
}

const quoted = (value: string) => rfcDescription(value);

/** The RFC 6750 §3 answer: WWW-Authenticate with realm, error, error_description (and scope), JSON body too. */
export function bearerErrorResponse(error: BearerError, realm: string): Response {
  const parts = [`realm="${quoted(realm)}"`];
  if (!(error instanceof BearerMissing)) {
    parts.push(`error="${error.error}"`, `error_description="${quoted(error.message)}"`);
    if (error.scope) parts.push(`scope="${quoted(error.scope)}"`);
  }
  const status = error instanceof BearerMissing ? 401 : error.status;
  const body = error instanceof BearerMissing ? { error: "invalid_token", error_description: quoted(error.message) } : { error: error.error, error_description: quoted(error.message) };
  return Response.json(body, { status, headers: { "WWW-Authenticate": `Bearer ${parts.join(", ")}`, "Cache-Control": "no-store" } });
}
