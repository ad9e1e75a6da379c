"use client";

import { ErrorPanel } from "@/components/error-panel";

// Outside the signed-in areas (e.g. the sign-in page); inside them app/(chaman)/error.tsx keeps the shell.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <ErrorPanel reset={reset} />
    </main>
  );
}
