import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { AnnouncerProvider } from "@/components/ui/announcer";
import { requirePlatformAdmin } from "@/lib/admin/guard";

// « Administration » (issue 17): platform administrators only; anyone else gets 404 (lib/admin/guard.ts).
// The announcer (aria-live) says every administrative change once it is done (QA of issue 17).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePlatformAdmin();
  return (
    <AnnouncerProvider>
      <AppHeader actor={actor} />
      <DemoClockBanner />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </AnnouncerProvider>
  );
}
