import "server-only";
import { notFound } from "next/navigation";
import { getActor, requireActor, type Actor } from "@/lib/auth/current";
import { getDb, type Db } from "@/lib/db/client";
import type { AdminActor } from "./admins";

/**
 * Pages of the « Administration » area: signed in (else sign-in page) and platform administrator,
 * else 404 — the area is not revealed to anyone else (issue 17).
 */
export async function requirePlatformAdmin(): Promise<{ actor: Actor; admin: AdminActor; db: Db }> {
  const actor = await requireActor();
  if (!actor.user.platformAdmin) notFound();
  return { actor, admin: toAdminActor(actor), db: await getDb() };
}

/**
 * Server actions of the area: the same check, but a non-administrator gets the « not found » refusal
 * (errors.not-found) as a value, like any other action refusing an id that is not the caller's.
 */
export async function adminForAction(): Promise<{ admin: AdminActor; db: Db } | null> {
  const actor = await getActor();
  if (!actor) await requireActor();
  if (!actor?.user.platformAdmin) return null;
  return { admin: toAdminActor(actor), db: await getDb() };
}

function toAdminActor(actor: Actor): AdminActor {
  return { userId: actor.user.id, label: `${actor.user.firstName} ${actor.user.lastName}`, ip: actor.ip };
}
