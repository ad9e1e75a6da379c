"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireServiceActor } from "@/lib/access/actor";
import { toFormState, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import { fieldError, formError, type FormState } from "@/lib/actions/form-state";
import { getDb, type Db } from "@/lib/db/client";
import { problemOfIssue } from "@/lib/validation/problems";
import { textField } from "@/lib/validation/text";
import { acceptDelegation, endDelegation, refuseDelegation, resendDelegation, withdrawDelegation } from "@/lib/delegation/decisions";
import { lookUpIntermediary } from "@/lib/delegation/find-intermediary";
import { requestFromEnterprise, requestFromIntermediary } from "@/lib/delegation/requests";

// Thin server actions of the delegation screens (SPEC §5); the services check side, state and rules.

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

// The number as typed (dots, spaces); the service checks it is a valid, known enterprise number.
const enterpriseNumberText = textField({ max: 30 });
// The intermediary's number, its name, or a picked suggestion « Name (number) » (lib/delegation/find-intermediary.ts).
const intermediaryText = textField({ max: 200 });

function numberProblem(field: string, error: z.ZodError): FormState {
  const problem = error.issues[0] ? problemOfIssue(error.issues[0]) : { key: "errors.input.required" };
  return fieldError(field, problem.key, problem.params);
}

function done(message?: string, params?: Record<string, string | number>): FormState {
  revalidatePath("/delegations", "layout");
  return message ? { status: "success", message: { key: message, params } } : { status: "success" };
}

export async function requestFromEnterpriseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const accountId = z.uuid().safeParse(text(formData, "accountId"));
  if (!accountId.success) return fieldError("accountId", "errors.input.required");
  const typed = intermediaryText.safeParse(text(formData, "intermediaryNumber"));
  if (!typed.success) return numberProblem("intermediaryNumber", typed.error);
  const db = await getDb();
  // Issue 13: the intermediary is found by name as well as by number.
  const found = await lookUpIntermediary(db, typed.data, actor.ctx.enterpriseId);
  if (found.kind === "unknown-name") return fieldError("intermediaryNumber", "forms.intermediarySearch.unknown", { name: found.name });
  if (found.kind === "ambiguous-name") return fieldError("intermediaryNumber", "forms.intermediarySearch.ambiguous", { name: found.name, matches: found.matches });
  const result = await requestFromEnterprise(db, actor, { accountId: accountId.data, intermediaryNumber: found.number });
  if (!result.ok) return toFormState(result);
  return done(result.resent ? "delegation.request.resent" : "delegation.request.sent", { count: result.resendCount });
}

export async function requestFromIntermediaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const number = enterpriseNumberText.safeParse(text(formData, "enterpriseNumber"));
  if (!number.success) return numberProblem("enterpriseNumber", number.error);
  const qualityId = z.coerce.number().int().positive().safeParse(text(formData, "qualityId") || undefined);
  if (!qualityId.success) return fieldError("qualityId", "errors.input.required");
  const result = await requestFromIntermediary(await getDb(), actor, { enterpriseNumber: number.data, qualityId: qualityId.data });
  if (!result.ok) return toFormState(result);
  return done(result.resent ? "delegation.request.resent" : "delegation.request.sent", { count: result.resendCount });
}

const delegationId = (formData: FormData) => z.uuid().safeParse(text(formData, "delegationId"));

export async function acceptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const id = delegationId(formData);
  if (!id.success) return formError("errors.not-found");
  const account = text(formData, "accountId");
  const accountId = account === "" ? undefined : z.uuid().safeParse(account);
  if (accountId && !accountId.success) return fieldError("accountId", "errors.not-found");
  const result = await acceptDelegation(await getDb(), actor, { delegationId: id.data, accountId: accountId?.data });
  return result.ok ? done() : toFormState(result);
}

type Decision = (db: Db, actor: ServiceActor, input: { delegationId: string }) => Promise<ServiceResult<object>>;

/** Refuse, re-send, withdraw, end: a delegation id, and the service decides. */
async function decide(formData: FormData, decision: Decision): Promise<FormState> {
  const actor = await requireServiceActor();
  const id = delegationId(formData);
  if (!id.success) return formError("errors.not-found");
  const result = await decision(await getDb(), actor, { delegationId: id.data });
  return result.ok ? done() : toFormState(result);
}

export async function refuseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, refuseDelegation);
}

export async function resendAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, resendDelegation);
}

export async function endAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, endDelegation);
}

export async function withdrawAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, withdrawDelegation);
}
