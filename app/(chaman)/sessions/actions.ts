"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { requireActor } from "@/lib/auth/current";
import { endOtherSessions, endSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";

// « Mes sessions » (issue 18): signed in → the user's own sessions only (the user id comes from the
// session, never from the form) → a session id → ended, journaled as "session closed by the user".

const closeSchema = z.object({ sessionId: z.uuid() });

/** « Fermer »: ends one of the signed-in user's sessions; any other id is "not found". */
export async function closeSessionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = closeSchema.safeParse({ sessionId: formData.get("sessionId") });
  if (!parsed.success) return formError("errors.input.invalid");
  const ended = await endSession(await getDb(), { userId: actor.user.id, sessionId: parsed.data.sessionId }, "closed", actor.ip);
  if (!ended) return formError("errors.not-found");
  revalidatePath("/sessions");
  return { status: "success", message: { key: "sessions.closed" } };
}

/** « Fermer toutes les autres sessions »: every open session of the user but this one. */
export async function closeOtherSessionsAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const count = await endOtherSessions(await getDb(), actor.user.id, actor.sessionId, actor.ip);
  revalidatePath("/sessions");
  return { status: "success", message: { key: "sessions.closedOthers", params: { count } } };
}
