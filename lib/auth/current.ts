import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { ServiceActor } from "@/lib/services/result";
import { clientAddress } from "./client";
import { loadSessionContexts, type ActingContext, type UserSummary } from "./contexts";
import { sessionRef } from "./session-token";
import { endSession, sessionPolicy, touchSession } from "./sessions";

export const CONTEXT_COOKIE = "chaman_ctx";

export interface Actor {
  user: UserSummary;
  contexts: ActingContext[];
  /** The enterprise + quality chosen in the switcher, or the first one available. */
  current: ActingContext | null;
  /** Client address (lib/security/peer-address.ts); null when unknown. */
  ip: string | null;
  /** The server-side session of this request (issue 18; « Mes sessions » marks it as the current one). */
  sessionId: string;
  /** When this session ends if not used again (absolute lifetime or idle timeout, whichever is first). */
  sessionExpiresAt: Date;
}

/**
 * The signed-in user with roles and rights read from the database for this request, or null when the
 * request has no open session. Every page, action and route handler goes through here, so the session
 * policy (lib/auth/sessions.ts) holds for all of them: the session record is checked in the same query
 * as the roles; a lapsed session is ended (journaled as expired) and refused; « last seen » is moved at
 * most once per throttle interval.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const ref = await sessionRef();
  if (!ref) return null;
  const db = await getDb();
  const checked = await loadSessionContexts(db, ref, sessionPolicy);
  const ip = clientAddress(await headers());
  if (checked.state === "lapsed") await endSession(db, ref, "expired", ip);
  if (checked.state !== "open") return null;
  if (checked.touchDue) await touchSession(db, ref.sessionId);
  const { touchDue: _touchDue, state: _state, expiresAt: sessionExpiresAt, ...loaded } = checked;
  const chosen = (await cookies()).get(CONTEXT_COOKIE)?.value;
  const current =
    loaded.contexts.find((c) => c.enterpriseQualityId === chosen) ??
    loaded.contexts.find((c) => c.chamanAccess) ??
    loaded.contexts[0] ??
    null;
  return { ...loaded, current, ip, sessionId: ref.sessionId, sessionExpiresAt };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** Signed in and allowed to use Chaman for the current enterprise + quality; else the 403 page. */
export async function requireChamanAccess(): Promise<{ actor: Actor; ctx: ActingContext }> {
  const actor = await requireActor();
  const ctx = actor.current;
  // Issue 17: a platform administrator without any enterprise has only the « Administration » area.
  if (!ctx && actor.user.platformAdmin) redirect("/admin");
  if (!ctx || !ctx.chamanAccess) forbidden();
  return { actor, ctx };
}

/** The actor as the services take it, acting for `ctx` (one of the actor's own contexts). */
export function toServiceActor(actor: Actor, ctx: ActingContext): ServiceActor {
  return { userId: actor.user.id, label: `${actor.user.firstName} ${actor.user.lastName}`, ip: actor.ip, ctx };
}
