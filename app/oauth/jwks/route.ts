import { getDb } from "@/lib/db/client";
import { publishedKeys } from "@/lib/oauth/signing-keys";

export const dynamic = "force-dynamic";

/** RFC 7517 §5 JWK Set of the keys that sign our access tokens (the active one and recently retired ones). */
export async function GET(): Promise<Response> {
  const keys = await publishedKeys(await getDb());
  return Response.json(keys, { headers: { "Cache-Control": "public, max-age=300", "Content-Type": "application/jwk-set+json" } });
}
