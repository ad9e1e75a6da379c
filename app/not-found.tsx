import { AppHeader } from "@/components/app-header";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { NotFoundPanel } from "@/components/not-found-panel";
import { getActor } from "@/lib/auth/current";

/**
 * « Page introuvable » for an address no route matches. A signed-in user keeps the app shell (menu,
 * language, sign-out; issue 13), so a mistyped address is one click from anywhere; a visitor gets the
 * bare page. A page of a signed-in area that calls notFound() uses its area's not-found.tsx, inside
 * the area's layout, which already draws the shell.
 */
export default async function NotFound() {
  const actor = await getActor();
  if (!actor) {
    return (
      <main id="main">
        <NotFoundPanel />
      </main>
    );
  }
  return (
    <>
      <AppHeader actor={actor} />
      <DemoClockBanner />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <NotFoundPanel />
      </main>
    </>
  );
}
