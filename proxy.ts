import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { REQUEST_BODY_MAX_BYTES } from "@/lib/rules/limits";

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
export default function proxy(request: NextRequest): NextResponse {
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
  const isPublic = publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // Large sessions are split into chunks named <cookie>.0, <cookie>.1, …
  const hasSession = request.cookies.getAll().some((c) => sessionCookies.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
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

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
