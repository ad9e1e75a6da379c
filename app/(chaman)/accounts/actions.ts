"use server";

import { revalidatePath } from "next/cache";
import { formError, type FormState } from "@/lib/actions/form-state";
import { getActor, toServiceActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { deleteAccount, renameAccount, updateCredentials, updatePermissions } from "@/lib/channels/account-edits";
import { createAccount, createAccountFieldProblems } from "@/lib/channels/accounts";
import { deleteRestCertificate, enterpriseParty, uploadCertificate } from "@/lib/channels/certificates";
import { failureState, invalidInputState } from "@/lib/channels/form-state";
import {
  certificateRefSchema, certificateUploadSchema, createAccountPartsSchema, createAccountSchema, credentialsSchema, formObject, permissionsSchema, renameSchema, toUpload,
} from "@/lib/channels/schemas";
import type { ServiceActor, ServiceResult } from "@/lib/channels/service";
import type { UploadNote } from "@/lib/channels/trust-store";
import { fieldError } from "@/lib/actions/form-state";
import { fieldFailures } from "@/lib/services/result";
import { z } from "zod";

// Thin server actions for the channel screens of seed 004: signed in → Chaman access for the
// current sender → input shape (Zod) → the service checks ownership and the SPEC rules.

async function serviceActor(): Promise<ServiceActor | FormState> {
  const actor = await getActor();
  if (!actor) return formError("errors.auth.required");
  const ctx = actor.current;
  if (!ctx?.chamanAccess || !ctx.senderId) return formError("errors.access.denied");
  return toServiceActor(actor, ctx);
}

function isState(value: ServiceActor | FormState): value is FormState {
  return "status" in value;
}

function done(result: ServiceResult, paths: string[]): FormState {
  if (!result.ok) return failureState(result);
  for (const path of paths) revalidatePath(path);
  return { status: "success" };
}

/** Adds what was tidied away to read an uploaded key or certificate (issue 12) to a success. */
function withNotes(state: FormState, result: ServiceResult<{ notes: UploadNote[] }>): FormState {
  if (!result.ok || result.notes.length === 0 || state.status !== "success") return state;
  return { ...state, notes: result.notes.map((n) => ({ key: `uploads.notes.${n.field}.${n.code}`, params: n.params })) };
}

/** The rule problems of the well-shaped fields of a create form that failed its shape check (issue 13). */
async function ruleProblemsOfParts(actor: ServiceActor, fields: Record<string, unknown>): Promise<FormState | null> {
  const parts = createAccountPartsSchema.safeParse(fields);
  if (!parts.success) return null;
  const { certificate, ...rest } = parts.data;
  const problems = await createAccountFieldProblems(await getDb(), actor, { ...rest, certificate: certificate ? await toUpload(certificate) : undefined });
  const refused = fieldFailures(problems);
  return refused ? failureState(refused) : null;
}

/** Shape errors first; each other field's rule problem added beside them, so all show at once. */
function withRuleProblems(shape: FormState, rules: FormState | null): FormState {
  if (shape.status !== "error" || !rules || rules.status !== "error") return shape;
  return { ...shape, fieldErrors: { ...rules.fieldErrors, ...shape.fieldErrors } };
}

export async function createAccountAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const fields = formObject(formData);
  if (!["FTP", "SFTP", "SOAP", "REST"].includes(String(fields.type))) return fieldError("type", "errors.input.required");
  const parsed = createAccountSchema.safeParse(fields);
  if (!parsed.success) return withRuleProblems(invalidInputState(parsed.error), await ruleProblemsOfParts(actor, fields));
  const { certificate, ...rest } = parsed.data;
  const result = await createAccount(await getDb(), actor, { ...rest, certificate: await toUpload(certificate) });
  return withNotes(done(result, ["/"]), result);
}

export async function deleteAccountAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const parsed = z.object({ accountId: z.uuid() }).safeParse(formObject(formData));
  if (!parsed.success) return formError("errors.not-found");
  return done(await deleteAccount(await getDb(), actor, parsed.data), ["/"]);
}

export async function renameAccountAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const parsed = renameSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInputState(parsed.error);
  return done(await renameAccount(await getDb(), actor, parsed.data), ["/", `/accounts/${parsed.data.accountId}`]);
}

export async function updatePermissionsAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const parsed = permissionsSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInputState(parsed.error);
  return done(await updatePermissions(await getDb(), actor, parsed.data), [`/accounts/${parsed.data.accountId}`]);
}

export async function updateCredentialsAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const parsed = credentialsSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInputState(parsed.error);
  const { accountId, username, password, sshPublicKey } = parsed.data;
  const input =
    password !== undefined ? { accountId, username, password } : sshPublicKey !== undefined ? { accountId, username, sshPublicKey } : null;
  if (!input) return formError("errors.input.invalid");
  const result = await updateCredentials(await getDb(), actor, input);
  return withNotes(done(result, [`/accounts/${accountId}`]), result);
}

export async function uploadCertificateAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const party = enterpriseParty(actor);
  if (!party.ok) return failureState(party);
  const parsed = certificateUploadSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInputState(parsed.error);
  const { certificate, ...rest } = parsed.data;
  const result = await uploadCertificate(await getDb(), party.party, { ...rest, certificate: await toUpload(certificate) }, actor.userId);
  return withNotes(done(result, [`/accounts/${rest.accountId}`]), result);
}

export async function deleteCertificateAction(formData: FormData): Promise<FormState> {
  const actor = await serviceActor();
  if (isState(actor)) return actor;
  const party = enterpriseParty(actor);
  if (!party.ok) return failureState(party);
  const parsed = certificateRefSchema.safeParse(formObject(formData));
  if (!parsed.success) return formError("errors.not-found");
  return done(await deleteRestCertificate(await getDb(), party.party, parsed.data), [`/accounts/${parsed.data.accountId}`]);
}
