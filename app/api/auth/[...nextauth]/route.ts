import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { isSessionEndpoint, sessionEndpoint } from "@/lib/auth/session-endpoint";

// Auth.js's routes (sign-in, OIDC callback, CSRF, sign-out), except its session endpoint, which must not
// renew or resurrect a session cookie: it answers from the session record (lib/auth/session-endpoint.ts).
export async function GET(request: NextRequest): Promise<Response> {
  return isSessionEndpoint(request.url) ? sessionEndpoint() : handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return isSessionEndpoint(request.url) ? sessionEndpoint() : handlers.POST(request);
}
