import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { movedNow } from "@/lib/admin/clock";
import { requestDemoClock } from "@/lib/admin/request-clock";

/** Issue 17: while a trainer has moved the « Date de démonstration », every page says so. */
export async function DemoClockBanner() {
  const clock = await requestDemoClock();
  if (!clock) return null;
  const t = await getTranslations("admin.clock");
  const format = await getAppFormatter();
  return (
    <div role="note" className="bg-purple-100 px-4 py-1 text-center text-sm text-purple-950">
      <strong>{t("banner", { date: format.dateTime(movedNow(clock), { dateStyle: "long" }) })}</strong>
    </div>
  );
}
