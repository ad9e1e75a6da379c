"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formError, type FormState } from "@/lib/actions/form-state";
import { grantPlatformAdmin, revokePlatformAdmin } from "@/lib/admin/admins";
import { appNow, setDemoClock } from "@/lib/admin/clock";
import { demoControlsEnabled } from "@/lib/admin/demo";
import { resetDemonstration } from "@/lib/admin/demo-reset";
import { adminForAction } from "@/lib/admin/guard";
import { addTrustedCa, retireTrustedCa, TRUST_FAMILIES, type AdminFailure } from "@/lib/admin/trust-store";
import { CERT_MAX_BYTES } from "@/lib/rules/certificate";
import { checkDemoDate } from "@/lib/rules/demo-date";
import { getAppFormatter } from "@/lib/i18n/format";

// « Administration » (issue 17). Every action: signed in (else sign-in page) → platform administrator
// (else errors.not-found, the area is not revealed) → input valid (Zod) → the service's rule holds.

const refused = () => formError("errors.not-found");
const failed = (f: AdminFailure) => formError(f.key, f.params);

/** Grants the platform administrator role to another user (by login name or NISS). */
export async function grantAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  const parsed = z.string().trim().min(1).max(64).safeParse(formData.get("who"));
  if (!parsed.success) return formError("admin.errors.userRequired");
  const granted = await grantPlatformAdmin(ctx.db, ctx.admin, parsed.data);
  if (!granted.ok) return formError("admin.errors.userNotFound", { who: parsed.data });
  revalidatePath("/admin");
  return { status: "success", message: { key: granted.alreadyAdmin ? "admin.admins.already" : "admin.admins.granted", params: { who: parsed.data } } };
}

/**
 * Removes another administrator's role, or one's own with `confirmSelf=yes` (the dialog that asks
 * harder); never the last administrator (lib/admin/admins.ts). Removing oneself ends at the home page.
 */
export async function revokeAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  const parsed = z.object({ who: z.string().trim().min(1).max(64), confirmSelf: z.enum(["yes"]).optional() }).safeParse({
    who: formData.get("who"),
    confirmSelf: formData.get("confirmSelf") ?? undefined,
  });
  if (!parsed.success) return formError("admin.errors.userRequired");
  const revoked = await revokePlatformAdmin(ctx.db, ctx.admin, parsed.data.who, { confirmSelf: parsed.data.confirmSelf === "yes" });
  if (!revoked.ok) return failed(revoked);
  if (revoked.userId === ctx.admin.userId) redirect("/");
  revalidatePath("/admin");
  return { status: "success", message: { key: "admin-changes.admins.revoked", params: { who: revoked.username } } };
}

const addCaSchema = z.object({ family: z.enum(TRUST_FAMILIES), certificate: z.instanceof(File) });

/** Adds a CA (.cer) to the trust store with its family (SPEC §4.4; same service as `chaman trust add`). */
export async function addCaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  const parsed = addCaSchema.safeParse({ family: formData.get("family"), certificate: formData.get("certificate") });
  if (!parsed.success || parsed.data.certificate.size === 0) return formError("admin.errors.caFileRequired");
  const file = parsed.data.certificate;
  // Size before reading the content (SPEC §4.4 uploads are size-limited).
  if (file.size > CERT_MAX_BYTES) return formError("rules.cert.too-large", { found: file.size, max: CERT_MAX_BYTES });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const added = await addTrustedCa(ctx.db, ctx.admin, { fileName: file.name, bytes, family: parsed.data.family }, await appNow(ctx.db));
  if (!added.ok) return failed(added);
  revalidatePath("/admin/trust-store");
  return { status: "success", message: { key: "admin.trust.added", params: { subject: added.subject } } };
}

/** Retires a CA: kept for history, no longer trusted; certificates it issued get flagged. */
export async function retireCaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  const parsed = z.uuid().safeParse(formData.get("caId"));
  if (!parsed.success) return formError("errors.input.invalid");
  const retired = await retireTrustedCa(ctx.db, ctx.admin, parsed.data);
  if (!retired.ok) return failed(retired);
  revalidatePath("/admin/trust-store");
  return { status: "success", message: { key: "admin.trust.retired" } };
}

/** « Date de démonstration »: moves the app's today (empty: back to the real date). Demo data only. */
export async function setDemoClockAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  if (!demoControlsEnabled()) return formError("admin.errors.demoOnly");
  const raw = formData.get("date") ?? "";
  if (typeof raw !== "string" || raw.length > 100) return { status: "error", fieldErrors: { date: { key: "admin.errors.dateInvalid" } } };
  // Bounded around the real today (lib/rules/demo-date.ts), whatever the clock says now.
  const checked = checkDemoDate(raw, new Date());
  if (!checked.ok) {
    if (checked.code === "dateShape") return { status: "error", fieldErrors: { date: { key: "admin.errors.dateInvalid" } } };
    const format = await getAppFormatter();
    const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long" });
    return { status: "error", fieldErrors: { date: { key: "demo-clock.outOfRange", params: { min: day(checked.params.min), max: day(checked.params.max) } } } };
  }
  // checked.date is noon UTC: the same calendar day in Brussels whatever the season.
  const changed = await setDemoClock(ctx.db, ctx.admin, checked.date);
  if (!changed) return { status: "success", message: { key: "admin-changes.catalogue.unchanged" } };
  revalidatePath("/", "layout");
  return { status: "success", message: { key: checked.date ? "admin.clock.moved" : "admin.clock.restored" } };
}

/** Puts the demo data back as first written (everyone, this administrator included, is signed out). */
export async function resetDemoAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const ctx = await adminForAction();
  if (!ctx) return refused();
  if (!demoControlsEnabled()) return formError("admin.errors.demoOnly");
  await resetDemonstration(ctx.db, ctx.admin);
  redirect("/login");
}
