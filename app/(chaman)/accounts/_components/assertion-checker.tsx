"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { inputClass, primaryButton } from "@/components/ui/buttons";
import { checkAssertionAction, type CheckerState } from "./access-test-actions";

const mark = { ok: "✓", failed: "✗", skipped: "–" } as const;

/** Paste a client assertion, see every rule of the token endpoint as a ✓/✗ line with the fix (issue 14). */
export function AssertionChecker({ accountId }: { accountId: string }) {
  const t = useTranslations("oauth");
  const te = useTranslations();
  // Controlled: React 19 resets uncontrolled fields after a form action, which would empty the pasted JWT.
  const [assertion, setAssertion] = useState("");
  const [state, action, pending] = useActionState<CheckerState, FormData>(checkAssertionAction, { status: "idle" });
  const fieldProblem = state.status === "error" ? state.fieldErrors.assertion : undefined;
  const formProblem = state.status === "error" && !fieldProblem ? state.formError : undefined;
  // The button is disabled while checking, which drops the keyboard focus on <body>: take it to the verdict,
  // so a keyboard or screen-reader user continues from the result (WCAG 2.4.3), not from the top of the page.
  const verdict = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.status === "success") verdict.current?.focus();
  }, [state]);

  return (
    <div>
      <form action={action} className="space-y-2">
        <input type="hidden" name="accountId" value={accountId} />
        <label htmlFor="assertion" className="block font-medium">{t("access.checkerLabel")}</label>
        <p id="assertion-hint" className="text-sm text-slate-600">{t("access.checkerHint")}</p>
        <textarea
          id="assertion"
          name="assertion"
          rows={4}
          spellCheck={false}
          value={assertion}
          onChange={(event) => setAssertion(event.target.value)}
          className={`${inputClass} font-mono text-xs`}
          aria-describedby={fieldProblem ? "assertion-hint assertion-error" : "assertion-hint"}
          aria-invalid={fieldProblem ? true : undefined}
        />
        <FieldError id="assertion-error" problem={fieldProblem} />
        {formProblem ? <p role="alert" className="text-red-700">{te(formProblem.key, formProblem.params)}</p> : null}
        <button type="submit" className={primaryButton} disabled={pending}>{pending ? t("access.checking") : t("access.check")}</button>
      </form>
      {state.status === "success" ? (
        <div className="mt-4" aria-live="polite">
          <p role="status" ref={verdict} tabIndex={-1} className={state.ok ? "font-semibold text-green-800" : "font-semibold text-red-700"}>{state.ok ? t("access.allGood") : t("access.failed")}</p>
          <ul className="mt-2 space-y-1" aria-label={t("access.checkerTitle")}>
            {state.lines.map((line) => (
              <li key={line.rule} className="flex gap-2" data-rule={line.rule} data-status={line.status}>
                <span aria-hidden="true" className={line.status === "ok" ? "text-green-800" : line.status === "failed" ? "text-red-700" : "text-slate-500"}>{mark[line.status]}</span>
                <span>
                  <span className="font-medium">{t(`rules.${line.rule}`)}</span>
                  {line.status !== "skipped" ? <span className="sr-only"> : {line.status === "ok" ? t("access.ok") : t("access.ko")}</span> : null}
                  {line.status === "failed" && line.reason ? <span className="block text-sm text-red-700">{t(`reasons.${line.reason}`, line.params)}</span> : null}
                  {line.status === "skipped" ? <span className="block text-sm text-slate-500">{t("access.skipped")}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
