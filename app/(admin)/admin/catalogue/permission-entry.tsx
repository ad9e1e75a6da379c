import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/buttons";
import type { CatalogueEntry } from "@/lib/admin/catalogue";
import type { listQualities } from "@/lib/admin/catalogue-codes";
import type { ScopeCatalogueEntry } from "@/lib/oauth/scopes";
import { ActionButton } from "../../../(chaman)/access/action-button";
import { AdminFieldError, AdminForm } from "../admin-form";
import { renamePermissionAction, retirePermissionAction, setApplicationCodeAction, setScopesAction } from "./actions";
import { LabelFields } from "./label-fields";

type Quality = Awaited<ReturnType<typeof listQualities>>[number];
const nameIn = (q: Quality, locale: string) => ({ fr: q.nameFr, nl: q.nameNl, en: q.nameEn, de: q.nameDe })[locale] ?? q.nameFr;

/**
 * One catalogue entry: code, holders, retire; its labels; for a batch permission its application code,
 * for a web-service permission one OAuth scope field per quality (issue 17). Block elements only inside
 * <div>s: a <div> in a <p> made the browser's DOM differ from React's (hydration error #418, QA).
 */
export async function PermissionEntry({ entry, qualities, scopes }: { entry: CatalogueEntry; qualities: Quality[]; scopes: ScopeCatalogueEntry[] }) {
  const t = await getTranslations("admin.catalogue");
  const tc = await getTranslations("admin-changes.catalogue");
  const locale = await getLocale();
  const id = (suffix: string) => `${entry.code}-${suffix}`;
  return (
    <section aria-label={entry.code} className="space-y-3 rounded border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm">{entry.code}</span>
        <span className="text-sm">{t("holders", { count: entry.holders })}</span>
        {entry.active ? (
          <ActionButton
            action={retirePermissionAction}
            fields={{ permissionId: String(entry.id) }}
            label={t("retire")}
            accessibleName={t("retireOne", { code: entry.code })}
            confirm={{ title: t("retireTitle"), body: t("retireBody", { name: entry.nameFr, count: entry.holders }), confirmLabel: t("retire") }}
            done={t("retired")}
          />
        ) : (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{t("retiredStatus")}</span>
        )}
      </div>
      <AdminForm action={renamePermissionAction} submit={t("rename")}>
        <input type="hidden" name="permissionId" value={entry.id} />
        <LabelFields idPrefix={entry.code} names={entry} />
      </AdminForm>
      {entry.kind === "batch" ? (
        <AdminForm action={setApplicationCodeAction} submit={tc("saveApplicationCode")}>
          <input type="hidden" name="permissionId" value={entry.id} />
          <label className="block" htmlFor={id("application-code")}>
            <span className="text-sm font-semibold">{tc("applicationCode")}</span>
            <input
              id={id("application-code")}
              name="applicationCode"
              defaultValue={entry.applicationCode ?? ""}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={id("application-code-help")}
              className={`${inputClass} font-mono uppercase`}
            />
          </label>
          <p id={id("application-code-help")} className="text-sm text-slate-600">
            {entry.applicationCode ? tc("applicationCodeHelp") : `${tc("applicationCodeNone")} ${tc("applicationCodeHelp")}`}
          </p>
          <AdminFieldError field="applicationCode" inputId={id("application-code")} />
        </AdminForm>
      ) : (
        <AdminForm action={setScopesAction} submit={tc("saveScopes")}>
          <input type="hidden" name="permissionId" value={entry.id} />
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">{t("scopes")}</legend>
            <p id={id("scopes-help")} className="text-sm text-slate-600">{tc("scopesHelp")}</p>
            {qualities.map((q) => (
              <div key={q.id}>
                <label className="block" htmlFor={id(`scope-${q.id}`)}>
                  <span className="text-sm">{tc("scopeFor", { quality: nameIn(q, locale) })}</span>
                  <input
                    id={id(`scope-${q.id}`)}
                    name={`scope-${q.id}`}
                    defaultValue={scopes.find((s) => s.qualityId === q.id)?.scope ?? ""}
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby={id("scopes-help")}
                    className={`${inputClass} font-mono text-sm`}
                  />
                </label>
                <AdminFieldError field={`scope-${q.id}`} inputId={id(`scope-${q.id}`)} />
              </div>
            ))}
          </fieldset>
        </AdminForm>
      )}
    </section>
  );
}
