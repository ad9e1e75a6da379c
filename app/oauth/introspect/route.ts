import { getDb } from "@/lib/db/client";
import { oauthUrls } from "@/lib/oauth/config";
import { clientAddress, jsonNoStore, oauthErrorResponse, readForm } from "@/lib/oauth/http";
import { handleIntrospection } from "@/lib/oauth/introspection";

export const dynamic = "force-dynamic";

/** RFC 7662 token introspection, authenticated with a client assertion like the token endpoint. */
export async function POST(request: Request): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return oauthErrorResponse(form.error);
  const outcome = await handleIntrospection(await getDb(), oauthUrls(), { params: form.params, authorization: request.headers.get("authorization"), ip: clientAddress(request) });
  return outcome.ok ? jsonNoStore(outcome.body) : oauthErrorResponse(outcome.error, outcome.retryAfter);
}
