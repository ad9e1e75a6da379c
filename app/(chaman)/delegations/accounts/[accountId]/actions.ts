"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireServiceActor } from "@/lib/access/actor";
import { toFormState } from "@/lib/access/service";
import { fieldError, formError, type FormState, type Problem } from "@/lib/actions/form-state";
import { getDb } from "@/lib/db/client";
import { addDelegatedCertificate, CERTIFICATE_NAME_MAX, deleteDelegatedCertificate } from "@/lib/delegation/certificates";
import { CERT_MAX_BYTES } from "@/lib/rules/certificate";
import { problemOfIssue } from "@/lib/validation/problems";
import { textField, uploadedFile } from "@/lib/validation/text";

const certificateName = textField({ max: CERTIFICATE_NAME_MAX });

// The intermediary's certificate actions on a delegated REST account (SPEC §3, §4.4, §5).

export async function addCertificateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const accountId = z.uuid().safeParse(formData.get("accountId"));
  if (!accountId.success) return formError("errors.not-found");
  // Both fields are checked before answering, so the form shows every problem at once (issue 13).
  const name = certificateName.safeParse(formData.get("name") ?? "");
  const upload = uploadedFile.safeParse(formData.get("certificate"));
  const fieldErrors: Record<string, Problem> = {};
  if (!name.success) fieldErrors.name = name.error.issues[0] ? problemOfIssue(name.error.issues[0]) : { key: "errors.input.required" };
  if (!upload.success) fieldErrors.certificate = upload.error.issues[0] ? problemOfIssue(upload.error.issues[0]) : { key: "errors.input.required" };
  if (!name.success || !upload.success) return { status: "error", fieldErrors };
  const file = upload.data;
  // Refused by its real size (the message names it) without reading it (SPEC §4.4 step 0).
  if (file.size > CERT_MAX_BYTES) return fieldError("certificate", "rules.cert.too-large", { found: file.size, max: CERT_MAX_BYTES });
  // Read at most one byte more than allowed: the rule reports the size without loading a huge upload.
  const bytes = new Uint8Array(await file.slice(0, CERT_MAX_BYTES + 1).arrayBuffer());
  const result = await addDelegatedCertificate(await getDb(), actor, { accountId: accountId.data, name: name.data, fileName: file.name, bytes });
  if (!result.ok) return toFormState(result);
  revalidatePath(`/delegations/accounts/${accountId.data}`);
  // What was tidied away to read the file (issue 12: encoding, padding, text after the PEM block…).
  const notes = result.notes.map((n) => ({ key: `uploads.notes.${n.field}.${n.code}`, params: n.params }));
  return { status: "success", message: { key: "delegation.certificates.added", params: { name: name.data } }, ...(notes.length > 0 ? { notes } : {}) };
}

export async function deleteCertificateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireServiceActor();
  const ids = z.object({ accountId: z.uuid(), certificateId: z.uuid() }).safeParse({
    accountId: formData.get("accountId"),
    certificateId: formData.get("certificateId"),
  });
  if (!ids.success) return formError("errors.not-found");
  const result = await deleteDelegatedCertificate(await getDb(), actor, ids.data);
  if (!result.ok) return toFormState(result);
  revalidatePath(`/delegations/accounts/${ids.data.accountId}`);
  return { status: "success" };
}
