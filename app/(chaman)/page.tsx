import { getTranslations } from "next-intl/server";
import { requireChamanAccess } from "@/lib/auth/current";

// Placeholder home; the channel screens of seed 004 replace it (issue 4).
export default async function HomePage() {
  const { ctx } = await requireChamanAccess();
  const t = await getTranslations("common");
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("appTitle")}</h1>
      <p className="mt-2">
        {ctx.enterpriseName} – {ctx.senderNumber}
      </p>
    </section>
  );
}
