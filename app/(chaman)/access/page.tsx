import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireServiceActor } from "@/lib/access/actor";
import { QualitiesSection } from "./qualities-section";
import { RightsSection } from "./rights-section";

// « Gestion des accès » (SPEC §1, seed 003 §5 and §7.1), for the enterprise + quality acted for.
export default async function AccessPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireServiceActor();
  const { ctx } = actor;
  if (!ctx.canManageQualities && !ctx.canManageRights) forbidden();
  const t = await getTranslations("access");
  const { q } = await searchParams;
  const search = typeof q === "string" ? q.slice(0, 100) : "";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {ctx.canManageQualities ? <QualitiesSection actor={actor} /> : null}
      {ctx.canManageRights ? <RightsSection actor={actor} search={search} /> : null}
    </div>
  );
}
