import { getDb } from "@/lib/db/client";
import { oauthUrls } from "@/lib/oauth/config";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

/** RFC 8414 §3 authorization server metadata; the issuer is CHAMAN_PUBLIC_URL. */
export async function GET(): Promise<Response> {
  const metadata = await authorizationServerMetadata(await getDb(), oauthUrls());
  return Response.json(metadata, { headers: { "Cache-Control": "public, max-age=300" } });
}
