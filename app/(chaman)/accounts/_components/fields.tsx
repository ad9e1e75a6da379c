"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/lib/actions/form-state";
import { FieldError } from "@/components/ui/field-error";
import { describedBy, RequiredMark, TextField } from "@/components/ui/fields";
import { useFileSizeLimit } from "@/components/ui/file-size";
import { CERT_MAX_BYTES } from "@/lib/rules/limits";

/** « Certificat* » (.cer file) and « Nom du certificat* » (seed 004). */
export function CertificateFields({ prefix, errors }: { prefix: string; errors: Record<string, Problem> }) {
  const t = useTranslations("channels.form");
  const id = `${prefix}-certificate`;
  const size = useFileSizeLimit(CERT_MAX_BYTES, "rules.cert.too-large");
  // A file refused in the browser (too large) says so until another file is chosen.
  const problem = size.problem ?? errors.certificate;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {t("certificate")}
          <RequiredMark />
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {t("certificateHint")}
        </p>
        <input
          id={id}
          name="certificate"
          type="file"
          accept=".cer"
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(id, problem, true)}
          className="mt-1 block w-full text-sm"
          onChange={size.check}
        />
      </div>
      <TextField id={`${prefix}-certificateName`} name="certificateName" label={t("certificateName")} problem={errors.certificateName} autoComplete="off" maxLength={100} />
      {/* Issue 13: a refusal such as the .pfx explanation uses the dialog's whole width, not half of it. */}
      <div className="sm:col-span-2 empty:hidden">
        <FieldError id={id} problem={problem} />
      </div>
    </div>
  );
}

/** « Permissions sécurisées »: at least one, as checkboxes (SPEC §3). */
export function PermissionFields(props: {
  prefix: string;
  channel: string;
  options: Array<{ id: number; name: string }>;
  checked?: number[];
  problem: Problem | undefined;
}) {
  const t = useTranslations("channels.form");
  const id = `${props.prefix}-permissions`;
  return (
    <fieldset aria-describedby={describedBy(id, props.problem, true)} aria-invalid={props.problem ? true : undefined}>
      <legend className="text-sm font-medium">
        {t("permissions")}
        <RequiredMark />
      </legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("permissionsHint", { channel: props.channel })}
      </p>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {props.options.map((option) => (
          <li key={option.id}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="permissions" value={option.id} defaultChecked={props.checked?.includes(option.id)} className="mt-1" />
              <span>{option.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={id} problem={props.problem} />
    </fieldset>
  );
}
