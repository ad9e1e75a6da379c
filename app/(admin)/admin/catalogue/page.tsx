import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/buttons";
import { listCatalogue, PERMISSION_KINDS } from "@/lib/admin/catalogue";
import { listQualities } from "@/lib/admin/catalogue-codes";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { loadScopeCatalogue } from "@/lib/oauth/scopes";
import { AdminFieldError, AdminForm } from "../admin-form";
import { addPermissionAction } from "./actions";
import { LabelFields } from "./label-fields";
import { PermissionEntry } from "./permission-entry";

// « Catalogue des permissions » (SPEC §3, issue 17): batch and web-service permissions in four languages,
// the batch application code and the OAuth scopes per quality.
export default async function CataloguePage() {
  const { db } = await requirePlatformAdmin();
  const t = await getTranslations("admin.catalogue");
  const [entries, scopes, qualities] = await Promise.all([listCatalogue(db), loadScopeCatalogue(db), listQualities(db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {PERMISSION_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="space-y-4 rounded-lg bg-white p-6 shadow">
          <h2 id={`kind-${kind}`} className="text-lg font-semibold">{t(`kinds.${kind}`)}</h2>
          {entries
            .filter((e) => e.kind === kind)
            .map((entry) => (
              <PermissionEntry key={entry.id} entry={entry} qualities={qualities} scopes={scopes.filter((s) => s.permissionId === entry.id)} />
            ))}
        </section>
      ))}
      <section aria-labelledby="add-permission" className="space-y-3 rounded-lg bg-white p-6 shadow">
        <h2 id="add-permission" className="text-lg font-semibold">{t("add")}</h2>
        <AdminForm action={addPermissionAction} submit={t("addSubmit")} resetOnSuccess>
          <label className="block">
            <span className="font-semibold">{t("kind")}</span>
            <select name="kind" className={inputClass}>
              {PERMISSION_KINDS.map((k) => (
                <option key={k} value={k}>{t(`kinds.${k}`)}</option>
              ))}
            </select>
          </label>
          <label className="block" htmlFor="new-slug">
            <span className="font-semibold">{t("slug")}</span>
            <input id="new-slug" name="slug" required autoComplete="off" spellCheck={false} className={inputClass} aria-describedby="slug-help" />
          </label>
          <p id="slug-help" className="text-sm text-slate-600">{t("slugHelp")}</p>
          <AdminFieldError field="slug" inputId="new-slug" />
          <LabelFields idPrefix="new" />
        </AdminForm>
      </section>
    </div>
  );
}
