import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

// Sends signed-out visitors to /login. Authorisation itself is checked again on the server for
// every page and action (lib/auth/current.ts): the proxy is a convenience, not the guard.
const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
