import { getActor, toServiceActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { certificateFile, enterpriseParty } from "@/lib/channels/certificates";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Saves the stored certificate byte for byte as `<file name>` (SPEC §4.4), with the page's access checks. */
export async function GET(_request: Request, { params }: { params: Promise<{ accountId: string; certificateId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const ctx = actor.current;
  if (!ctx) return new Response("Forbidden", { status: 403 });
  const party = enterpriseParty(toServiceActor(actor, ctx));
  if (!party.ok) return new Response("Forbidden", { status: 403 });
  const ids = z.object({ accountId: z.uuid(), certificateId: z.uuid() }).safeParse(await params);
  if (!ids.success) return new Response("Not found", { status: 404 });
  const file = await certificateFile(await getDb(), party.party, ids.data);
  if (!file.ok) return new Response("Not found", { status: 404 });
  const name = file.fileName.toLowerCase().endsWith(".cer") ? file.fileName : `${file.fileName}.cer`;
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": "application/pkix-cert",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
