import { getTranslations } from "next-intl/server";

/** Shown whenever the demo data may be present (CHAMAN_SEED is not "none"). */
export async function DemoBanner() {
  if (process.env.CHAMAN_SEED === "none") return null;
  const t = await getTranslations("common");
  return (
    <div role="note" className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950">
      <strong>{t("demoBanner")}</strong>
    </div>
  );
}
