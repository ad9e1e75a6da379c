import type { NextAuthConfig } from "next-auth";
import { sessionPolicyFrom } from "./session-policy";

// The part of the Auth.js configuration that needs no database, shared by proxy.ts and auth.ts.
export const authConfig = {
  // Auth.js's own pages are English-only and unbranded: every one of them lands on our /login instead, where
  // `?error=` is translated (app/(public)/login/auth-error.ts). QA 18-9.
  pages: { signIn: "/login", error: "/login", signOut: "/login", verifyRequest: "/login" },
  // The cookie (an encrypted JWE carrying the user and session ids) never outlives the session's absolute
  // lifetime; whether the session is still open is decided by its database record (lib/auth/sessions.ts).
  session: { strategy: "jwt", maxAge: sessionPolicyFrom(process.env).maxSeconds },
  trustHost: true,
  // Secure cookies in production (browsers accept them on http://localhost too); CHAMAN_INSECURE_COOKIES=1
  // is for a plain-http deployment on another host name, which we do not recommend.
  useSecureCookies: process.env.NODE_ENV === "production" && process.env.CHAMAN_INSECURE_COOKIES !== "1",
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
