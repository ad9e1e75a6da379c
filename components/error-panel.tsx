"use client";

import { useTranslations } from "next-intl";

/**
 * What a failed page shows: a plain sentence and a way to try again, never the error itself (no
 * stack traces or SQL to users; the server log has the details with the digest).
 */
export function ErrorPanel({ reset }: { reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="mx-auto mt-12 max-w-xl rounded-lg bg-white p-8 shadow">
      <p role="alert" className="mb-4">
        {t("errors.generic")}
      </p>
      <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white">
        {t("actions.close")}
      </button>
    </div>
  );
}
