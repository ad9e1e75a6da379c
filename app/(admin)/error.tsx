"use client";

import { ErrorPanel } from "@/components/error-panel";

// Below this area's layout, so a failed page keeps the header, the menu and « Se déconnecter » (issue 13).
export default function AreaErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
