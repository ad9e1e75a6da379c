"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

// Issue 13, must fix 5: a short confirmation after create, rename, delete, save, grant and revoke,
// spoken by screen readers (an aria-live="polite" region) and shown briefly on screen.
// It disappears after a few seconds or when the next one comes, so no message outlives its change.

const SHOWN_MS = 8000;
const AnnounceContext = createContext<(message: string) => void>(() => {});

/** Says `message` in the app's live region; no-op outside the provider. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((next: string) => {
    clearTimeout(timer.current);
    setMessage(next);
    timer.current = setTimeout(() => setMessage(""), SHOWN_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      {/* A polite live region that is always there (so the change is spoken), without role="status" so
          a page's own status messages stay the page's only status. */}
      <div aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message ? <p className="fixed bottom-4 left-1/2 z-50 -translate-x-1/2 rounded bg-slate-900 px-4 py-2 text-white shadow-lg">{message}</p> : null}
      </div>
    </AnnounceContext.Provider>
  );
}
