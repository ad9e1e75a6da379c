import { getTranslations } from "next-intl/server";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { accountPermissions } from "@/lib/db/schema";
import { oauthUrls } from "@/lib/oauth/config";
import { grantableScopes, loadScopeCatalogue } from "@/lib/oauth/scopes";
import { CopyButton } from "@/components/ui/copy-button";
import { AssertionChecker } from "./assertion-checker";

/**
 * « Tester l'accès » (issue 14): token URL, audience, Client ID, the scopes this account may be granted, an
 * example request, and the assertion checker. Shown on a REST account's page, for the enterprise and for the
 * technical intermediary it is delegated to; `qualityId` is the account's quality (the enterprise's).
 */
export async function AccessTest({ db, account, qualityId }: { db: Queryable; account: { id: string; clientId: string; name: string }; qualityId: number }) {
  const t = await getTranslations("oauth");
  const tCopy = await getTranslations("forms.copy");
  const urls = oauthUrls();
  const [catalogue, held] = await Promise.all([
    loadScopeCatalogue(db),
    db.select({ id: accountPermissions.permissionId }).from(accountPermissions).where(eq(accountPermissions.accountId, account.id)),
  ]);
  const scopes = grantableScopes(catalogue, { qualityId, permissionIds: held.map((p) => p.id) });
  const dt = "text-sm font-semibold text-slate-600";
  const example = [
    `curl -X POST ${urls.tokenEndpoint} \\`,
    "  -d grant_type=client_credentials \\",
    "  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \\",
    '  -d client_assertion="$ASSERTION" \\',
    `  -d scope=${scopes[0] ?? "…"}`,
  ].join("\n");

  return (
    <section aria-labelledby="access-test-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="access-test-title" className="text-lg font-semibold">{t("access.title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("access.intro")}</p>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className={dt}>{t("access.tokenUrl")}</dt>
          <dd className="break-all font-mono text-sm">{urls.tokenEndpoint}</dd>
        </div>
        <div>
          <dt className={dt}>{t("access.audience")}</dt>
          <dd className="break-all font-mono text-sm">{urls.tokenEndpoint}</dd>
          <dd className="text-sm text-slate-600">{t("access.audienceHint", { issuer: urls.issuer })}</dd>
        </div>
        <div>
          <dt className={dt}>{t("access.clientId")}</dt>
          <dd className="flex items-center gap-1 break-all font-mono text-sm">
            {account.clientId}
            <CopyButton value={account.clientId} label={tCopy("label", { name: account.name })} />
          </dd>
        </div>
        <div>
          <dt className={dt}>{t("access.scopes")}</dt>
          {scopes.length > 0 ? scopes.map((s) => <dd key={s} className="break-all font-mono text-sm">{s}</dd>) : <dd className="text-sm">{t("access.noScopes")}</dd>}
        </div>
      </dl>
      <h3 id={`example-${account.id}`} className="mt-4 font-semibold">{t("access.example")}</h3>
      <p className="text-sm text-slate-600">{t("access.exampleHint")}</p>
      {/* Focusable, so a keyboard user can scroll the long lines at 390 px (axe scrollable-region-focusable). */}
      <pre role="region" aria-labelledby={`example-${account.id}`} tabIndex={0} className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs">
        {example}
      </pre>
      <h3 className="mt-4 font-semibold">{t("access.checkerTitle")}</h3>
      <AssertionChecker accountId={account.id} />
    </section>
  );
}
