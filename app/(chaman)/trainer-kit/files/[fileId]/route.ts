import { getActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { trainerSamples } from "@/lib/channels/trainer-kit";

export const dynamic = "force-dynamic";

/** One trainer-kit sample, named as on the page; only for users with Chaman access. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!actor.current?.chamanAccess) return new Response("Forbidden", { status: 403 });
  const { fileId } = await params;
  const samples = await trainerSamples(await getDb());
  // Next.js has already decoded the segment once; decoding it again made `%25E0%25A4` throw (issue 19).
  const sample = samples?.find((s) => s.id === fileId);
  if (!sample) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(sample.bytes), {
    headers: {
      "Content-Type": sample.contentType,
      "Content-Disposition": `attachment; filename="${sample.id}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
