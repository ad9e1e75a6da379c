"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { requestClient } from "@/lib/auth/client";
import { CONTEXT_COOKIE, getActor } from "@/lib/auth/current";
import { sessionRef } from "@/lib/auth/session-token";
import { endSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";

/**
 * « Se déconnecter »: ends the server-side session at once (journaled), so a copy of the cookie is
 * worthless from now on, then clears the cookies. A cookie whose session already ended is just cleared.
 */
export async function signOutAction(): Promise<void> {
  const ref = await sessionRef();
  if (ref) await endSession(await getDb(), ref, "sign-out", (await requestClient()).ip);
  (await cookies()).delete(CONTEXT_COOKIE);
  await signOut({ redirectTo: "/login" });
}

/** Switches the enterprise + quality acted for; only one of the user's own contexts is accepted. */
export async function selectContextAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const chosen = formData.get("context");
  const context = actor.contexts.find((c) => c.enterpriseQualityId === chosen);
  if (context) {
    (await cookies()).set(CONTEXT_COOKIE, context.enterpriseQualityId, { path: "/", sameSite: "lax", httpOnly: true });
  }
  redirect("/");
}
