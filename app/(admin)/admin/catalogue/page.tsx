import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/buttons";
import { listCatalogue, PERMISSION_KINDS, type CatalogueEntry } from "@/lib/admin/catalogue";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { loadScopeCatalogue } from "@/lib/oauth/scopes";
import { ActionButton } from "../../../(chaman)/access/action-button";
import { AdminForm } from "../admin-form";
import { addPermissionAction, renamePermissionAction, retirePermissionAction } from "./actions";

const languages = [
  ["nameFr", "fr"],
  ["nameNl", "nl"],
  ["nameEn", "en"],
  ["nameDe", "de"],
] as const;

// « Catalogue des permissions » (SPEC §3, issue 17): batch and web-service permissions in four languages.
export default async function CataloguePage() {
  const { db } = await requirePlatformAdmin();
  const t = await getTranslations("admin.catalogue");
  const [entries, scopes] = await Promise.all([listCatalogue(db), loadScopeCatalogue(db)]);
  const nameFields = (entry?: CatalogueEntry, idPrefix = "new") =>
    languages.map(([field, lang]) => (
      <label key={field} className="block" htmlFor={`${idPrefix}-${field}`}>
        <span className="text-sm font-semibold">{t(`label.${lang}`)}</span>
        <input id={`${idPrefix}-${field}`} name={field} required maxLength={200} defaultValue={entry?.[field] ?? ""} className={inputClass} />
      </label>
    ));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {PERMISSION_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="space-y-4 rounded-lg bg-white p-6 shadow">
          <h2 id={`kind-${kind}`} className="text-lg font-semibold">{t(`kinds.${kind}`)}</h2>
          {entries
            .filter((e) => e.kind === kind)
            .map((entry) => (
              <section key={entry.id} aria-label={entry.code} className="rounded border border-slate-200 p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-sm">{entry.code}</span>
                  <span className="text-sm">{t("holders", { count: entry.holders })}</span>
                  {entry.active ? (
                    <ActionButton
                      action={retirePermissionAction}
                      fields={{ permissionId: String(entry.id) }}
                      label={t("retire")}
                      accessibleName={t("retireOne", { code: entry.code })}
                      confirm={{ title: t("retireTitle"), body: t("retireBody", { name: entry.nameFr, count: entry.holders }), confirmLabel: t("retire") }}
                    />
                  ) : (
                    <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{t("retiredStatus")}</span>
                  )}
                </p>
                {/* Issue 14's OAuth scopes per quality granted by this permission (read-only here). */}
                {scopes.some((s) => s.permissionId === entry.id) ? (
                  <div className="mt-2 text-sm">
                    <span className="font-semibold">{t("scopes")}</span>
                    <ul className="list-disc pl-6">
                      {scopes
                        .filter((s) => s.permissionId === entry.id)
                        .map((s) => (
                          <li key={`${s.scope}-${s.qualityId}`}>
                            {s.qualityName} : <span className="break-all font-mono">{s.scope}</span>
                          </li>
                        ))}
                    </ul>
                  </div>
                ) : null}
                <AdminForm action={renamePermissionAction} submit={t("rename")}>
                  <input type="hidden" name="permissionId" value={entry.id} />
                  <div className="grid gap-2 md:grid-cols-2">{nameFields(entry, entry.code)}</div>
                </AdminForm>
              </section>
            ))}
        </section>
      ))}
      <section aria-labelledby="add-permission" className="space-y-3 rounded-lg bg-white p-6 shadow">
        <h2 id="add-permission" className="text-lg font-semibold">{t("add")}</h2>
        <AdminForm action={addPermissionAction} submit={t("addSubmit")}>
          <label className="block">
            <span className="font-semibold">{t("kind")}</span>
            <select name="kind" className={inputClass}>
              {PERMISSION_KINDS.map((k) => (
                <option key={k} value={k}>{t(`kinds.${k}`)}</option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="font-semibold">{t("slug")}</span>
            <input name="slug" required pattern="[a-z0-9][a-z0-9\-]{1,40}" className={inputClass} aria-describedby="slug-help" />
          </label>
          <p id="slug-help" className="text-sm text-slate-600">{t("slugHelp")}</p>
          <div className="grid gap-2 md:grid-cols-2">{nameFields()}</div>
        </AdminForm>
      </section>
    </div>
  );
}
