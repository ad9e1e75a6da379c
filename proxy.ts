import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

const { auth } = NextAuth(authConfig);

const publicPaths = ["/login", "/api/health", "/api/auth", "/api/test/reset"];

/**
 * Sends signed-out visitors to /login and sets a per-request Content-Security-Policy nonce.
 * Authorisation itself is checked again on the server for every page and action
 * (lib/auth/current.ts): the proxy is a convenience, not the guard.
 */
export default auth((request) => {
  const { pathname } = request.nextUrl;
  const isPublic = publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !request.auth?.user) {
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
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
