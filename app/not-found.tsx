import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app-header";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { getActor } from "@/lib/auth/current";

/**
 * « Page introuvable ». A signed-in user keeps the app shell (menu, language, sign-out; issue 13),
 * so a mistyped address is one click from anywhere; a visitor gets the bare page and the sign-in link.
 */
export default async function NotFound() {
  const t = await getTranslations("common.errors");
  const actor = await getActor();
  const panel = (
    <div className="mx-auto mt-12 max-w-xl rounded-lg bg-white p-8 shadow">
      <h1 className="mb-4 text-2xl font-semibold">{t("notFound")}</h1>
      <Link href="/" className="text-brand underline">
        {t("backHome")}
      </Link>
    </div>
  );
  if (!actor) return <main id="main">{panel}</main>;
  return (
    <>
      <AppHeader actor={actor} />
      <DemoClockBanner />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {panel}
      </main>
    </>
  );
}
