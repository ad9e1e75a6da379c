"use client";

import { useTranslations } from "next-intl";
import type { Problem } from "@/lib/actions/form-state";

/** The message of a refused field, referenced by the input's aria-describedby={`${id}-error`}. */
export function FieldError({ id, problem }: { id: string; problem: Problem | undefined }) {
  const t = useTranslations();
  if (!problem) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {t(problem.key, problem.params)}
    </p>
  );
}

/** A refusal that concerns the whole form (e.g. "delete the existing FTP account first"). */
export function FormError({ problem }: { problem: Problem | undefined }) {
  const t = useTranslations();
  if (!problem) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t(problem.key, problem.params)}
    </p>
  );
}
