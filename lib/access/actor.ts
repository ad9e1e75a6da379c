import "server-only";
import { forbidden } from "next/navigation";
import { requireActor, toServiceActor } from "@/lib/auth/current";
import type { ServiceActor } from "./service";

/**
 * The signed-in user acting for the enterprise + quality chosen in the header (or the 403 page when
 * there is none). Roles and rights come from the database on every request (lib/auth/current.ts).
 */
export async function requireServiceActor(): Promise<ServiceActor> {
  const actor = await requireActor();
  const ctx = actor.current;
  if (!ctx) forbidden();
  return toServiceActor(actor, ctx);
}
