import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { appNow, readDemoClock } from "@/lib/admin/clock";
import { getDb } from "@/lib/db/client";

/** Issue 17: while a trainer has moved the « Date de démonstration », every page says so. */
export async function DemoClockBanner() {
  const db = await getDb();
  if (!(await readDemoClock(db))) return null;
  const t = await getTranslations("admin.clock");
  const format = await getAppFormatter();
  return (
    <div role="note" className="bg-purple-100 px-4 py-1 text-center text-sm text-purple-950">
      <strong>{t("banner", { date: format.dateTime(await appNow(db), { dateStyle: "long" }) })}</strong>
    </div>
  );
}
