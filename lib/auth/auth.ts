import "server-only";
import NextAuth from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { authConfig } from "./auth.config";
import { authenticate } from "./authenticate";
import { clientAddress, requestClient } from "./client";
import { endSession, openSession } from "./sessions";
import { sessionRef } from "./session-token";
import { signInCredentialsSchema } from "./sign-in-schema";

/** Too many failed attempts: the sign-in form says so (a generic message, the same for every username). */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const providers: Provider[] = [
  Credentials({
    credentials: { username: {}, password: {} },
    async authorize(raw, request) {
      const parsed = signInCredentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const ip = clientAddress(request.headers);
      const result = await authenticate(parsed.data.username, parsed.data.password, ip);
      if (result.ok) return { id: result.user.id, name: result.user.displayName };
      if (result.reason === "throttled") throw new ThrottledSignIn();
      return null;
    },
  }),
];

// Optional OpenID Connect for real deployments (README: "Configuration").
if (process.env.AUTH_OIDC_ISSUER && process.env.AUTH_OIDC_ID && process.env.AUTH_OIDC_SECRET) {
  providers.push({
    id: "oidc",
    name: process.env.AUTH_OIDC_NAME ?? "OpenID Connect",
    type: "oidc",
    issuer: process.env.AUTH_OIDC_ISSUER,
    clientId: process.env.AUTH_OIDC_ID,
    clientSecret: process.env.AUTH_OIDC_SECRET,
  });
}

/** OpenID Connect users are matched to a known person by the NISS claim; strangers are refused. */
async function userIdForOidcProfile(profile: Record<string, unknown> | undefined): Promise<string | null> {
  const claim = profile?.[process.env.AUTH_OIDC_NISS_CLAIM ?? "niss"];
  const niss = typeof claim === "string" ? claim.replace(/\D/g, "") : "";
  if (niss.length !== 11) return null;
  const [row] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.niss, niss)).limit(1);
  return row?.id ?? null;
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers,
  logger: {
    // A refused sign-in is an expected outcome (and is in the audit trail), not a server error.
    error(error) {
      // `type`, not `name`: the production build minifies class names.
      if ("type" in error && error.type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      return (await userIdForOidcProfile(profile)) !== null;
    },
    // Runs with `user`/`account` only at sign-in: that is where the server-side session is opened and its
    // id put in the (encrypted) cookie. Auth.js's own session endpoint, which would call this again to
    // renew the cookie, is answered from the session record instead (app/api/auth/[...nextauth]/route.ts).
    async jwt({ token, user, account, profile }) {
      const userId = account?.provider === "oidc" ? await userIdForOidcProfile(profile) : user?.id;
      if (account && userId) {
        const db = await getDb();
        const client = await requestClient();
        // A new sign-in in a browser ends the session its cookie carried, whoever it was (QA 18-7): the
        // previous user's session must not stay open behind the new one. Journaled as a sign-out.
        const previous = await sessionRef();
        if (previous) await endSession(db, previous, "sign-out", client.ip);
        token.sub = userId;
        token.sid = await openSession(db, userId, client);
      }
      return token;
    },
  },
  events: {
    // Auth.js's POST /api/auth/signout; the header's button ends the session itself first (components/session-actions.ts).
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sub === "string" && typeof token.sid === "string") {
        await endSession(await getDb(), { userId: token.sub, sessionId: token.sid }, "sign-out", (await requestClient()).ip);
      }
    },
  },
});
