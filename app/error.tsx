"use client";

import { useTranslations } from "next-intl";

// Never shows the error itself (no stack traces or SQL to users); the server log has the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main id="main" className="mx-auto mt-12 max-w-xl rounded-lg bg-white p-8 shadow">
      <p role="alert" className="mb-4">
        {t("errors.generic")}
      </p>
      <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white">
        {t("actions.close")}
      </button>
    </main>
  );
}
