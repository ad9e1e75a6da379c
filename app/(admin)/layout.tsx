import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { requirePlatformAdmin } from "@/lib/admin/guard";

// « Administration » (issue 17): platform administrators only; anyone else gets 404 (lib/admin/guard.ts).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePlatformAdmin();
  return (
    <>
      <AppHeader actor={actor} />
      <DemoClockBanner />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
