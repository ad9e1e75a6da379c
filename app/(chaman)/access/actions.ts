"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireServiceActor } from "@/lib/access/actor";
import { activateQuality } from "@/lib/access/qualities";
import { grantChamanRight, revokeChamanRight } from "@/lib/access/rights";
import { addCoManager, removeCoManager } from "@/lib/access/roles";
import { toFormState } from "@/lib/access/service";
import { fieldError, formError, type FormState, type Problem } from "@/lib/actions/form-state";
import { getDb } from "@/lib/db/client";
import { problemOfIssue } from "@/lib/validation/problems";
import { checkEmail } from "@/lib/rules/email";
import { problemKey } from "@/lib/services/result";
import { textField } from "@/lib/validation/text";

// A NISS as typed (dots, dashes, spaces); the service checks it and looks the person up.
const nissText = textField({ max: 30 });

// Thin server actions of « Gestion des accès »: signed in → context → Zod → service → form state.
// Authorization and rules live in lib/access (tested there); the service re-checks the role.

const activateSchema = z.discriminatedUnion("manager", [
  z.object({ manager: z.literal("self"), qualityId: z.coerce.number().int().positive(), contactEmail: z.email().max(254) }),
  z.object({
    manager: z.literal("designate"),
    qualityId: z.coerce.number().int().positive(),
    contactEmail: z.email().max(254),
    niss: nissText,
  }),
]);

function problemOf(issue: z.core.$ZodIssue): Problem {
  const required = issue.code === "too_small" || (issue.code === "invalid_type" && issue.input === undefined);
  return required ? { key: "errors.input.required" } : problemOfIssue(issue);
}

function firstIssue(error: z.ZodError): FormState {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "form");
  if (!issue) return fieldError(field, "errors.input.invalid");
  const problem = problemOf(issue);
  return fieldError(field, problem.key, problem.params);
}

/** Every field's first problem at once (issue 13: a form shows all its errors together). */
function allIssues(error: z.ZodError): FormState {
  const fieldErrors: Record<string, Problem> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= problemOf(issue);
  return { status: "error", fieldErrors };
}

export async function activateQualityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const parsed = activateSchema.safeParse({
    manager: formData.get("manager") ?? undefined,
    qualityId: formData.get("qualityId") || undefined,
    contactEmail: formData.get("contactEmail") ?? undefined,
    niss: formData.get("niss") ?? undefined,
  });
  if (!parsed.success) {
    const state = allIssues(parsed.error);
    // Issue 13: a refused e-mail says what is wrong with it (the contact form's rule), not « Valeur non valable ».
    const email = String(formData.get("contactEmail") ?? "").trim();
    const checked = email && state.status === "error" && state.fieldErrors.contactEmail ? checkEmail(email) : null;
    if (checked && !checked.ok && state.status === "error") state.fieldErrors.contactEmail = { key: problemKey(checked.code), params: checked.params };
    return state;
  }
  const input = parsed.data;
  const result = await activateQuality(await getDb(), actor, {
    qualityId: input.qualityId,
    contactEmail: input.contactEmail,
    manager: input.manager === "self" ? { kind: "self" } : { kind: "designate", niss: input.niss },
  });
  if (!result.ok) return toFormState(result);
  revalidatePath("/", "layout");
  return { status: "success", message: { key: "access.activate.success", params: { senderNumber: result.senderNumber, manager: result.manager } } };
}

const coManagerSchema = z.object({
  role: z.enum(["co-responsable-acces", "co-gestionnaire-local"]),
  niss: nissText,
});

export async function addCoManagerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const parsed = coManagerSchema.safeParse({ role: formData.get("role"), niss: formData.get("niss") ?? "" });
  if (!parsed.success) return firstIssue(parsed.error);
  const result = await addCoManager(await getDb(), actor, parsed.data);
  if (!result.ok) return toFormState(result);
  revalidatePath("/access");
  return { status: "success", message: { key: "access.coManagers.added", params: { name: result.name } } };
}

const idSchema = (name: string) => z.object({ [name]: z.uuid() });

export async function removeCoManagerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const parsed = idSchema("assignmentId").safeParse({ assignmentId: formData.get("assignmentId") });
  if (!parsed.success) return formError("errors.not-found");
  // Set only by the confirmation dialog shown for one's own role (issue 19).
  const confirmSelf = formData.get("confirmSelf") === "1";
  const result = await removeCoManager(await getDb(), actor, { assignmentId: String(parsed.data.assignmentId), confirmSelf });
  if (!result.ok) return toFormState(result);
  revalidatePath("/access");
  return { status: "success" };
}

export async function grantRightAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const parsed = idSchema("userId").safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return formError("errors.not-found");
  const result = await grantChamanRight(await getDb(), actor, { userId: String(parsed.data.userId) });
  if (!result.ok) return toFormState(result);
  revalidatePath("/access");
  return { status: "success" };
}

export async function revokeRightAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const parsed = idSchema("userId").safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return formError("errors.not-found");
  const result = await revokeChamanRight(await getDb(), actor, { userId: String(parsed.data.userId) });
  if (!result.ok) return toFormState(result);
  revalidatePath("/access");
  return { status: "success" };
}
