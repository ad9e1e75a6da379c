"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Problem } from "@/lib/actions/form-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/buttons";
import { describedBy, RequiredMark, TextField } from "@/components/ui/fields";
import { passwordChecklist } from "@/lib/rules/client";

/** « Nom d'utilisateur »: the whole username, EXP prefix included (SPEC §4.1). */
export function UsernameField({ prefix, problem, defaultValue }: { prefix: string; problem: Problem | undefined; defaultValue?: string }) {
  const t = useTranslations("channels.form");
  return (
    <TextField id={`${prefix}-username`} name="username" label={t("username")} hint={t("usernameHint")} problem={problem} defaultValue={defaultValue} autoComplete="off" maxLength={200} />
  );
}

/** FTP password with the live checklist of SPEC §4.2 (the server applies the same rule). */
export function PasswordField({ prefix, problem, hint }: { prefix: string; problem: Problem | undefined; hint?: string }) {
  const t = useTranslations("channels.form");
  const [value, setValue] = useState("");
  const list = passwordChecklist(value);
  const id = `${prefix}-password`;
  const items: Array<[boolean, string]> = [
    [list.length, t("passwordLength")],
    [list.charset && value !== "", t("passwordCharset")],
    [list.nonLetters, t("passwordNonLetters")],
  ];
  return (
    <div>
      <TextField id={id} name="password" type="password" label={t("password")} hint={hint} problem={problem} autoComplete="new-password" onChange={setValue} />
      <div id={`${id}-rules`} className="mt-2 rounded bg-slate-100 p-2 text-xs">
        <p className="font-medium">{t("passwordRules")}</p>
        <ul aria-live="polite">
          {items.map(([ok, label]) => (
            <li key={label} className={ok ? "text-green-800" : "text-slate-700"}>
              <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
              {label} <span className="sr-only">({ok ? t("ruleMet") : t("ruleNotMet")})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** « Clé SSH publique »: pasted text, or read from a chosen .pub file (SPEC §4.3). */
export function SshKeyField({ prefix, problem }: { prefix: string; problem: Problem | undefined }) {
  const t = useTranslations("channels.form");
  const [value, setValue] = useState("");
  const id = `${prefix}-sshPublicKey`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t("sshKey")}
        <RequiredMark />
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("sshKeyHint")}
      </p>
      <textarea
        id={id}
        name="sshPublicKey"
        required
        rows={4}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, problem, true)}
        className={`${inputClass} font-mono text-xs`}
      />
      <FieldError id={id} problem={problem} />
      <label htmlFor={`${id}-file`} className="mt-2 block text-sm">
        {t("sshKeyFile")}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".pub,.txt,text/plain"
        className="mt-1 block text-sm"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          // Only a public key's size is read; anything bigger is left to the server's ssh.too-large.
          if (file) setValue(await file.slice(0, 256 * 1024).text());
        }}
      />
    </div>
  );
}
