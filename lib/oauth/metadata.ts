import "server-only";
import { asc } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { oauthScopes } from "@/lib/db/schema";
import { ASSERTION_ALGORITHMS, type OAuthUrls } from "./config";

/**
 * RFC 8414 §2 authorization server metadata. `issuer` is exactly CHAMAN_PUBLIC_URL (§3.3: clients compare
 * it with the URL they fetched the metadata from). Only the client credentials grant with private_key_jwt.
 */
export async function authorizationServerMetadata(q: Queryable, urls: OAuthUrls): Promise<Record<string, unknown>> {
  const scopes = await q.selectDistinct({ scope: oauthScopes.scope }).from(oauthScopes).orderBy(asc(oauthScopes.scope));
  return {
    issuer: urls.issuer,
    token_endpoint: urls.tokenEndpoint,
    jwks_uri: urls.jwksUri,
    introspection_endpoint: urls.introspectionEndpoint,
    scopes_supported: scopes.map((s) => s.scope),
    response_types_supported: [],
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
    introspection_endpoint_auth_methods_supported: ["private_key_jwt"],
    introspection_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
  };
}
