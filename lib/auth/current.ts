import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { sessionUserId } from "./session-token";
import type { ServiceActor } from "@/lib/services/result";
import { loadContexts, type ActingContext, type UserSummary } from "./contexts";

export const CONTEXT_COOKIE = "chaman_ctx";

export interface Actor {
  user: UserSummary;
  contexts: ActingContext[];
  /** The enterprise + quality chosen in the switcher, or the first one available. */
  current: ActingContext | null;
  ip: string;
}

/** The signed-in user with roles and rights read from the database for this request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const userId = await sessionUserId();
  if (!userId) return null;
  const loaded = await loadContexts(await getDb(), userId);
  if (!loaded) return null;
  const chosen = (await cookies()).get(CONTEXT_COOKIE)?.value;
  const current =
    loaded.contexts.find((c) => c.enterpriseQualityId === chosen) ??
    loaded.contexts.find((c) => c.chamanAccess) ??
    loaded.contexts[0] ??
    null;
  const forwarded = (await headers()).get("x-forwarded-for");
  const ip = forwarded?.split(",")[0]?.trim() || "local";
  return { ...loaded, current, ip };
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
  if (!ctx || !ctx.chamanAccess) forbidden();
  return { actor, ctx };
}

/** The actor as the services take it, acting for `ctx` (one of the actor's own contexts). */
export function toServiceActor(actor: Actor, ctx: ActingContext): ServiceActor {
  return { userId: actor.user.id, label: `${actor.user.firstName} ${actor.user.lastName}`, ip: actor.ip, ctx };
}
