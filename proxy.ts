import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { REQUEST_BODY_MAX_BYTES } from "@/lib/rules/limits";
import { isDecodablePath, isMultipart, multipartProblem } from "@/lib/security/malformed-request";

// The OAuth server and the FLA API authenticate their callers themselves (client assertions, bearer tokens).
const publicPaths = ["/login", "/api/health", "/api/auth", "/api/test/reset", "/oauth", "/.well-known", "/api/fla"];
const sessionCookies = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * Sends visitors without a session cookie to /login and sets a per-request CSP nonce.
 * Authorisation is checked on the server by every page and action (lib/auth/current.ts); this is
 * only a convenience. It deliberately does not run Auth.js's auth(): that re-issues the session
 * cookie on every request, and a request in flight while the user signs out (a link prefetch)
 * would put the cookie back.
 */
export default async function proxy(request: NextRequest): Promise<NextResponse> {
  // Issue 12: a body over the server-action limit would make Next answer 500 / the error page (e.g. a
  // 300 KB multipart POST to /login). Refused here, cleanly, before anything reads it.
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (request.method !== "GET" && request.method !== "HEAD" && declared > REQUEST_BODY_MAX_BYTES) {
    return new NextResponse(`413 Payload Too Large: the request body is ${declared} bytes; at most ${REQUEST_BODY_MAX_BYTES} are accepted.\n`, {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
    });
  }
  const { pathname } = request.nextUrl;
  // Bad percent-escapes in a dynamic segment made Next.js answer 500 (issue 19): a bad request.
  if (!isDecodablePath(pathname)) return badRequest("Malformed URL.");
  const isPublic = publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // Large sessions are split into chunks named <cookie>.0, <cookie>.1, …
  const hasSession = request.cookies.getAll().some((c) => sessionCookies.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  // A multipart body the action parser cannot read is a bad request, not a server error (issue 19).
  if (isMultipart(request.method, request.headers)) {
    const problem = await multipartProblem(request.headers, request.clone().body, REQUEST_BODY_MAX_BYTES);
    if (problem) {
      console.warn(`[proxy] multipart request refused: ${problem}`);
      return badRequest("Malformed multipart request.");
    }
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function badRequest(message: string): NextResponse {
  return new NextResponse(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Not for the OAuth token and introspection endpoints either: they are public, answer JSON (no page, so no
// CSP nonce), read their form body themselves with its own 16 KB limit (lib/oauth/http.ts readBodyLimited)
// and have fixed paths; passing a POST body through the proxy costs every token request a copy of it
// (docs/PERFORMANCE.md, issue 14's budget).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|oauth/token$|oauth/introspect$|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
