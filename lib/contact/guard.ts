import "server-only";
import { forbidden, redirect } from "next/navigation";
import { requireChamanAccess } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { getContact } from "./contact";

/**
 * Pages of the channel screens: Chaman access for a sender, and its contact data first
 * (SPEC §2: a sender without contact data is sent to « Données de contact » before anything else).
 */
export async function requireSenderWithContact() {
  const { actor, ctx } = await requireChamanAccess();
  if (!ctx.senderId) forbidden();
  const db = await getDb();
  if (!(await getContact(db, ctx.senderId))) redirect("/contact");
  return { actor, ctx, senderId: ctx.senderId, db };
}
