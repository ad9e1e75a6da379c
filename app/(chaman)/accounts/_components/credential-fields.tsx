"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Problem } from "@/lib/actions/form-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/buttons";
import { describedBy, RequiredMark, TextField } from "@/components/ui/fields";
import { useFileSizeLimit } from "@/components/ui/file-size";
import { decodeText, passwordChecklist, SSH_KEY_MAX_BYTES } from "@/lib/rules/client";

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
  const size = useFileSizeLimit(SSH_KEY_MAX_BYTES, "rules.ssh.too-large");
  // A paste over the limit is named at once too (the server refuses it with the same message).
  const pasted = new TextEncoder().encode(value).length;
  const tooLong: Problem | undefined = pasted > SSH_KEY_MAX_BYTES ? { key: "rules.ssh.too-large", params: { found: pasted, max: SSH_KEY_MAX_BYTES } } : undefined;
  const shown = size.problem ?? tooLong ?? problem;
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
        onChange={(e) => {
          // Typing or pasting replaces whatever a refused file said.
          size.clear();
          setValue(e.target.value);
        }}
        spellCheck={false}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(id, shown, true)}
        className={`${inputClass} font-mono text-xs`}
      />
      <FieldError id={id} problem={shown} />
      <label htmlFor={`${id}-file`} className="mt-2 block text-sm">
        {t("sshKeyFile")}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".pub,.txt,text/plain"
        className="mt-1 block text-sm"
        onChange={async (e) => {
          const file = size.check(e);
          // Bytes, decoded by their byte-order mark: a key saved as UTF-16 (Windows) reads as text too.
          if (file) setValue(decodeText(new Uint8Array(await file.arrayBuffer()), "utf-8").text);
        }}
      />
    </div>
  );
}
