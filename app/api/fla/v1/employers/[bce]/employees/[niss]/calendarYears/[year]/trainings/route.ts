import { getDb } from "@/lib/db/client";
import { checkFlaDeclaration, checkFlaPath, FLA_BODY_MAX_BYTES, FLA_PERMISSION, readFlaDeclaration, writeFlaDeclaration, type FlaProblem } from "@/lib/fla/trainings";
import { bearerErrorResponse, requireBearer } from "@/lib/oauth/bearer";
import { oauthUrls } from "@/lib/oauth/config";
import { readBodyLimited } from "@/lib/oauth/http";
import { BearerError } from "@/lib/oauth/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ bce: string; niss: string; year: string }> };

/** RFC 9457 problem details for input errors; token errors follow RFC 6750 instead. */
function problem(p: FlaProblem): Response {
  return Response.json({ type: "about:blank", title: p.code, status: p.status, detail: p.detail, code: p.code, ...(p.params ? { params: p.params } : {}) }, { status: p.status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

async function authorised(request: Request, context: Params) {
  const db = await getDb();
  const urls = oauthUrls();
  try {
    const claims = await requireBearer(db, urls, request, FLA_PERMISSION);
    const checked = checkFlaPath(await context.params, claims.enterprise);
    return checked.ok ? { ok: true as const, db, claims, path: checked.path } : { ok: false as const, response: problem(checked.problem) };
  } catch (error) {
    if (error instanceof BearerError) return { ok: false as const, response: bearerErrorResponse(error, urls.flaApi) };
    throw error;
  }
}

/** The stored training declaration of this employer, employee and year (seed 003 §6.2). */
export async function GET(request: Request, context: Params): Promise<Response> {
  const auth = await authorised(request, context);
  if (!auth.ok) return auth.response;
  const found = await readFlaDeclaration(auth.db, auth.path);
  if (!found) return problem({ status: 404, code: "fla.not-found", detail: `No training declaration for this employee in ${auth.path.year}.` });
  return Response.json({ ...found.declaration, updatedAt: found.updatedAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
}

/** Creates or replaces the declaration: 201 the first time, 200 afterwards. */
export async function PUT(request: Request, context: Params): Promise<Response> {
  const auth = await authorised(request, context);
  if (!auth.ok) return auth.response;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return problem({ status: 415, code: "fla.content-type", detail: `Send the declaration as application/json; found ${type || "(none)"}.` });
  const text = await readBodyLimited(request, FLA_BODY_MAX_BYTES);
  if (text === null) return problem({ status: 413, code: "fla.too-large", detail: `The body is larger than ${FLA_BODY_MAX_BYTES} bytes.` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem({ status: 400, code: "fla.json", detail: "The body is not valid JSON." });
  }
  const checked = checkFlaDeclaration(body, auth.path.year);
  if (!checked.ok) return problem(checked.problem);
  const written = await writeFlaDeclaration(auth.db, auth.path, checked.declaration, auth.claims.client_id);
  return Response.json({ ...checked.declaration, updatedAt: written.updatedAt.toISOString() }, { status: written.created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
}
