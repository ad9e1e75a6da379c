import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/buttons";
import type { PermissionNames } from "@/lib/admin/catalogue";
import { AdminFieldError } from "../admin-form";

const languages = [
  ["nameFr", "fr"],
  ["nameNl", "nl"],
  ["nameEn", "en"],
  ["nameDe", "de"],
] as const;

/** The four labels of a catalogue entry, with the rule stated once (all four required; lib: ./labels.ts). */
export async function LabelFields({ idPrefix, names }: { idPrefix: string; names?: PermissionNames }) {
  const t = await getTranslations("admin.catalogue");
  const tc = await getTranslations("admin-changes.catalogue");
  const ruleId = `${idPrefix}-labels-rule`;
  return (
    <>
      <p id={ruleId} className="text-sm text-slate-600">{tc("labelsRule")}</p>
      <div className="grid gap-2 md:grid-cols-2">
        {languages.map(([field, lang]) => (
          <div key={field}>
            <label className="block" htmlFor={`${idPrefix}-${field}`}>
              <span className="text-sm font-semibold">{t(`label.${lang}`)}</span>
              <input id={`${idPrefix}-${field}`} name={field} required defaultValue={names?.[field] ?? ""} aria-describedby={ruleId} className={inputClass} />
            </label>
            <AdminFieldError field={field} inputId={`${idPrefix}-${field}`} />
          </div>
        ))}
      </div>
    </>
  );
}
