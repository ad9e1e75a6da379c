import { getDb } from "@/lib/db/client";
import { oauthUrls } from "@/lib/oauth/config";
import { clientAddress, jsonNoStore, oauthErrorResponse, readForm } from "@/lib/oauth/http";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

export const dynamic = "force-dynamic";

/** RFC 6749 §4.4 token endpoint: client credentials with a private_key_jwt client assertion (RFC 7523). */
export async function POST(request: Request): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return oauthErrorResponse(form.error);
  const outcome = await handleTokenRequest(await getDb(), oauthUrls(), { params: form.params, authorization: request.headers.get("authorization"), ip: clientAddress(request) });
  return outcome.ok ? jsonNoStore(outcome.body) : oauthErrorResponse(outcome.error, outcome.retryAfter);
}
