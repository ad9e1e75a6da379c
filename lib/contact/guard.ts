import "server-only";
import { forbidden, redirect } from "next/navigation";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

/**
 * Pages of the channel screens: Chaman access for a sender, and its contact data first
 * (SPEC §2: a sender without contact data is sent to « Données de contact » before anything else).
 * Whether the contact exists comes with the request's contexts (one query, lib/auth/contexts.ts).
 */
export async function requireSenderWithContact() {
  const { actor, ctx } = await requireChamanAccess();
  if (!ctx.senderId) forbidden();
  if (!ctx.hasContact) redirect("/contact");
  return { actor, ctx, senderId: ctx.senderId, db: await getDb() };
}
