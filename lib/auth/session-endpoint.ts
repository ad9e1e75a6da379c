import "server-only";
import { getActor } from "./current";

/** Auth.js's base path (next-auth v5's default), under which app/api/auth/[...nextauth] is mounted. */
const AUTH_BASE_PATH = "/api/auth";

/** Whether a request is for Auth.js's session endpoint (`GET`/`POST /api/auth/session`). */
export function isSessionEndpoint(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.startsWith(`${AUTH_BASE_PATH}/`) && pathname.slice(AUTH_BASE_PATH.length + 1).split("/")[0] === "session";
}

/**
 * Auth.js's session endpoint, answered from the session record (issue 18). Auth.js's own handler decodes
 * the cookie and re-issues it with a later expiry on every call, whatever happened to the session: a
 * copied cookie could be kept alive for ever. Here the same check as every page (lib/auth/current.ts)
 * decides; no cookie is ever set. The body keeps Auth.js's shape: `{ user, expires }`, or `null` when
 * there is no open session. POST (Auth.js's "update") gets the same answer: nothing in a session can be
 * changed by the client.
 */
export async function sessionEndpoint(): Promise<Response> {
  const actor = await getActor();
  const body = actor
    ? { user: { id: actor.user.id, name: `${actor.user.firstName} ${actor.user.lastName}` }, expires: actor.sessionExpiresAt.toISOString() }
    : null;
  return Response.json(body, { headers: { "Cache-Control": "private, no-cache, no-store", Expires: "0", Pragma: "no-cache" } });
}
