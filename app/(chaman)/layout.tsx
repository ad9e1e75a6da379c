import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { AnnouncerProvider } from "@/components/ui/announcer";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { requireActor } from "@/lib/auth/current";

export default async function ChamanLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <AppHeader actor={actor} />
      <DemoClockBanner />
      <AnnouncerProvider>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </AnnouncerProvider>
    </>
  );
}
