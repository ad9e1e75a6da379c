"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { CONTEXT_COOKIE, getActor } from "@/lib/auth/current";

export async function signOutAction(): Promise<void> {
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
