import "server-only";
import { oauthError, type OAuthError } from "./errors";

// HTTP plumbing shared by the OAuth route handlers: form bodies (RFC 6749 §3.2), JSON answers that are never
// cached (RFC 6749 §5.1), the client address.

export const FORM_MAX_BYTES = 16 * 1024;

/** The client address, from the reverse proxy's X-Forwarded-For (README « Client address »). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || "local";
}

/** JSON with Cache-Control: no-store and Pragma: no-cache (RFC 6749 §5.1). */
export function jsonNoStore(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", Pragma: "no-cache", ...headers } });
}

/** RFC 6749 §5.2 error response; 429 answers carry Retry-After. */
export function oauthErrorResponse(error: OAuthError, retryAfterSeconds?: number): Response {
  return jsonNoStore(error.toJSON(), error.status, retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {});
}

/**
 * Reads an application/x-www-form-urlencoded body of at most FORM_MAX_BYTES. Parameters sent twice are refused
 * (RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once").
 */
export async function readForm(request: Request): Promise<{ ok: true; params: Map<string, string> } | { ok: false; error: OAuthError }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { ok: false, error: oauthError("request.content-type", { found: type || "(none)" }) };
  const text = await readBodyLimited(request, FORM_MAX_BYTES);
  if (text === null) return { ok: false, error: oauthError("request.too-large", { max: FORM_MAX_BYTES }) };
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (params.has(name)) return { ok: false, error: oauthError("request.duplicate-parameter", { name: name.slice(0, 60) }) };
    params.set(name, value);
  }
  return { ok: true, params };
}

/** The body as UTF-8 text, or null as soon as it exceeds `max` bytes (declared or streamed). */
export async function readBodyLimited(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > max) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
