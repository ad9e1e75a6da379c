import { z } from "zod";
import { getActor, toServiceActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { downloadDelegatedCertificate } from "@/lib/delegation/certificates";

export const dynamic = "force-dynamic";

/** Downloads a delegated account's certificate byte for byte (SPEC §4.4), for the intermediary only. */
export async function GET(_request: Request, { params }: { params: Promise<{ accountId: string; certificateId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const ctx = actor.current;
  const ids = z.object({ accountId: z.uuid(), certificateId: z.uuid() }).safeParse(await params);
  if (!ctx || !ids.success) return new Response("Not found", { status: 404 });
  const result = await downloadDelegatedCertificate(await getDb(), toServiceActor(actor, ctx), ids.data);
  if (!result.ok) return new Response("Not found", { status: 404 });
  const asciiName = result.fileName.replace(/[^\w.\-]/g, "_");
  return new Response(Buffer.from(result.content), {
    headers: {
      "content-type": "application/pkix-cert",
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      "cache-control": "private, no-store",
    },
  });
}
