import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { iconButton } from "@/components/ui/buttons";
import { CopyButton } from "@/components/ui/copy-button";
import { listPermissionCatalogue } from "@/lib/channels/permissions";
import { requestNow } from "@/lib/admin/request-clock";
import { expiryStatus, listAccounts, technicalUsername, type AccountListItem } from "@/lib/channels/queries";
import { toServiceActor } from "@/lib/auth/current";
import { requireSenderWithContact } from "@/lib/contact/guard";
import { deleteAccountAction } from "./accounts/actions";
import { ConfirmButton } from "./accounts/_components/confirm-button";
import { CreateAccountDialog } from "./accounts/_components/create-account-dialog";
import { EyeIcon, TrashIcon } from "./accounts/_components/icons";
import { TodoPanel } from "./todo-panel";

// « ChaMan - Gestion des canaux techniques » (seed 004): the sender's FTP/SFTP and web-service accounts.
export default async function HomePage() {
  const { actor, ctx, senderId, db } = await requireSenderWithContact();
  const locale = await getLocale();
  const t = await getTranslations("channels");
  const tc = await getTranslations("common");
  const tf = await getTranslations("feedback");
  const tForms = await getTranslations("forms");
  const [accounts, permissions, now] = await Promise.all([
    listAccounts(db, senderId),
    listPermissionCatalogue(db, ["batch", "webservice"], locale),
    requestNow(),
  ]);
  const proposedUsername = technicalUsername(accounts);
  const tCert = await getTranslations("channels.certificate");
  // Issue 13: the lists flag an account whose certificate has expired or expires within 30 days.
  const nameCell = (account: AccountListItem) => {
    const status = account.soonestNotAfter ? expiryStatus(account.soonestNotAfter, now) : "valid";
    return (
      <span className="flex flex-wrap items-center gap-2">
        <span>{account.name}</span>
        {status !== "valid" ? (
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${status === "expired" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
            {status === "expired" ? tCert("expired") : tCert("expiring")}
          </span>
        ) : null}
      </span>
    );
  };
  const batch = accounts.filter((a) => a.type === "FTP" || a.type === "SFTP");
  const ws = accounts.filter((a) => a.type === "SOAP" || a.type === "REST");
  // SPEC §3: one FTP, one SFTP and one SOAP account at most; the create dialogs say so at once.
  const taken = accounts.filter((a) => a.type !== "REST").map((a) => ({ type: a.type, name: a.name }));

  const actions = (account: AccountListItem) => (
    <div className="flex gap-1">
      <Link href={`/accounts/${account.id}`} className={iconButton} aria-label={t("home.details", { name: account.name })} title={t("home.details", { name: account.name })}>
        <EyeIcon />
      </Link>
      <ConfirmButton
        label={t("home.delete", { name: account.name })}
        icon={<TrashIcon />}
        title={t("delete.title")}
        subject={tf("delete.accountSubject", { type: account.type, name: account.name })}
        done={tf("done.accountDeleted", { type: account.type, name: account.name })}
        body={t("delete.body")}
        confirm={t("delete.confirm")}
        cancel={t("delete.cancel")}
        action={deleteAccountAction}
        fields={{ accountId: account.id }}
      />
    </div>
  );
  const th = "border-b border-slate-300 px-3 py-2 text-left text-sm font-semibold";
  const td = "border-b border-slate-200 px-3 py-2 align-middle";

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{tc("appTitle")}</h1>
      <TodoPanel db={db} actor={toServiceActor(actor, ctx)} />
      <section aria-labelledby="batch-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="batch-title" className="text-xl font-semibold">{t("home.batchTitle")}</h2>
        <p className="mt-1">{t("home.senderNumber", { number: ctx.senderNumber ?? "" })}</p>
        <div className="mt-4">
          <CreateAccountDialog group="batch" permissions={permissions.batch} proposedUsername={proposedUsername ?? undefined} taken={taken} />
        </div>
        {batch.length === 0 ? (
          <div className="mt-4 text-slate-700">
            <p>{t("home.noBatch")}</p>
            <p>{t("home.noBatchHint")}</p>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
          {/* QA 11b-E: at 390 px the table scrolls inside its card, never the page. */}
          <table className="w-full" aria-labelledby="batch-title">
            <thead>
              <tr>
                <th scope="col" className={th}>{t("home.colName")}</th>
                <th scope="col" className={th}>{t("home.colType")}</th>
                <th scope="col" className={th}>{t("home.colAction")}</th>
              </tr>
            </thead>
            <tbody>
              {batch.map((account) => (
                <tr key={account.id}>
                  <td className={td}>{nameCell(account)}</td>
                  <td className={td}>{account.type}</td>
                  <td className={td}>{actions(account)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
      <section aria-labelledby="ws-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="ws-title" className="text-xl font-semibold">{t("home.wsTitle")}</h2>
        <div className="mt-4">
          <CreateAccountDialog group="webservice" permissions={permissions.webservice} taken={taken} />
        </div>
        {ws.length === 0 ? (
          <div className="mt-4 text-slate-700">
            <p>{t("home.noWs")}</p>
            <p>{t("home.noWsHint")}</p>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
          {/* QA 11b-E: at 390 px the table scrolls inside its card, never the page. */}
          <table className="w-full" aria-labelledby="ws-title">
            <thead>
              <tr>
                <th scope="col" className={th}>{t("home.colName")}</th>
                <th scope="col" className={th}>{t("home.colType")}</th>
                <th scope="col" className={th}>{t("home.colClientId")}</th>
                <th scope="col" className={th}>{t("home.colManagement")}</th>
                <th scope="col" className={th}>{t("home.colAction")}</th>
              </tr>
            </thead>
            <tbody>
              {ws.map((account) => (
                <tr key={account.id}>
                  <td className={td}>{nameCell(account)}</td>
                  <td className={td}>{account.type}</td>
                  <td className={`${td} font-mono text-sm`}>
                    {account.clientId ? (
                      <span className="flex items-center gap-1">
                        <span>{account.clientId}</span>
                        <CopyButton value={account.clientId} label={tForms("copy.label", { name: account.name })} />
                      </span>
                    ) : (
                      t("home.none")
                    )}
                  </td>
                  <td className={td}>
                    {account.type !== "REST"
                      ? t("home.none")
                      : account.certificateManagement === "intermediary"
                        ? t("home.managementIntermediary")
                        : t("home.managementInternal")}
                  </td>
                  <td className={td}>{actions(account)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
    </div>
  );
}
