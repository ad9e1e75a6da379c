"use client";

import { useTranslations } from "next-intl";
import { useAnnounce } from "./announcer";
import { iconButton } from "./buttons";

/**
 * Copies `value` (e.g. a Client ID) to the clipboard and says so (issue 13). `label` names what is
 * copied for screen readers ("Copier le Client ID de « WS-API »"). Where the clipboard is not
 * available (plain http, old browser) it says so instead of failing silently: the value stays
 * selectable on the page.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("forms.copy");
  const announce = useAnnounce();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      announce(t("done", { value }));
    } catch {
      announce(t("failed"));
    }
  };
  return (
    <button type="button" className={iconButton} aria-label={label} title={label} onClick={copy} data-copy={value}>
      <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <rect x="9" y="9" width="13" height="13" rx="2" />
        <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
      </svg>
    </button>
  );
}
