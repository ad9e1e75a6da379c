import { getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { inputClass } from "@/components/ui/buttons";
import { appNow } from "@/lib/admin/clock";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { listTrustedCas, TRUST_FAMILIES } from "@/lib/admin/trust-store";
import { ActionButton } from "../../../(chaman)/access/action-button";
import { addCaAction, retireCaAction } from "../actions";
import { AdminForm } from "../admin-form";

// « Magasin de confiance » (SPEC §4.4, issue 17): the CAs by family, add one, retire one.
export default async function TrustStorePage() {
  const { db } = await requirePlatformAdmin();
  const t = await getTranslations("admin.trust");
  const tc = await getTranslations("admin-changes.trust");
  const format = await getAppFormatter();
  const cas = await listTrustedCas(db);
  // The app's notion of today, so a trainer's « Date de démonstration » shows a CA expiring too (issue 17).
  const now = await appNow(db);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {TRUST_FAMILIES.map((family) => {
        const rows = cas.filter((ca) => ca.family === family);
        return (
          <section key={family} aria-labelledby={`family-${family}`} tabIndex={0} className="overflow-x-auto rounded-lg bg-white p-6 shadow">
            <h2 id={`family-${family}`} className="text-lg font-semibold">{t(`families.${family}`)}</h2>
            {rows.length === 0 ? (
              <p className="mt-2">{t("none")}</p>
            ) : (
              <table className="mt-3 w-full text-left text-sm">
                <thead>
                  <tr className="border-b">
                    <th scope="col" className="p-2">{t("subject")}</th>
                    <th scope="col" className="p-2">{t("validity")}</th>
                    <th scope="col" className="p-2">{t("sha256")}</th>
                    <th scope="col" className="p-2">{t("count")}</th>
                    <th scope="col" className="p-2">{t("status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((ca) => (
                    <tr key={ca.id} className="border-b align-top last:border-0">
                      <th scope="row" className="p-2 text-left font-normal">{ca.subject}</th>
                      <td className="whitespace-nowrap p-2">{t("range", { from: day(ca.notBefore), to: day(ca.notAfter) })}</td>
                      <td className="break-all p-2 font-mono text-xs">{ca.sha256}</td>
                      <td className="p-2">{ca.certificateCount}</td>
                      <td className="p-2">
                        {!ca.retiredAt && ca.notAfter.getTime() < now.getTime() ? (
                          <p className="mb-1 font-semibold text-red-800">{t("expiredOn", { date: day(ca.notAfter) })}</p>
                        ) : null}
                        {ca.retiredAt ? (
                          <span className="font-semibold text-red-800">{t("retiredOn", { date: day(ca.retiredAt) })}</span>
                        ) : (
                          <ActionButton
                            action={retireCaAction}
                            fields={{ caId: ca.id }}
                            label={t("retire")}
                            accessibleName={t("retireOne", { subject: ca.subject })}
                            confirm={{ title: t("retireTitle"), body: t("retireBody", { subject: ca.subject, count: ca.certificateCount }), confirmLabel: t("retire") }}
                            done={tc("retiredOne", { subject: ca.subject })}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <section aria-labelledby="add-ca" className="space-y-3 rounded-lg bg-white p-6 shadow">
        <h2 id="add-ca" className="text-lg font-semibold">{t("add")}</h2>
        <AdminForm action={addCaAction} submit={t("addSubmit")}>
          <label className="block">
            <span className="font-semibold">{t("family")}</span>
            <select name="family" className={inputClass} defaultValue="eid">
              {TRUST_FAMILIES.map((f) => (
                <option key={f} value={f}>{t(`families.${f}`)}</option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="font-semibold">{t("file")}</span>
            <input type="file" name="certificate" accept=".cer" required className={inputClass} />
          </label>
        </AdminForm>
      </section>
    </div>
  );
}
