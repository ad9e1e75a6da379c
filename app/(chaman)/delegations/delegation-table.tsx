import { getLocale, getTranslations } from "next-intl/server";
import { getAppFormatter } from "@/lib/i18n/format";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/buttons";
import type { LocalizedName } from "@/lib/auth/contexts";
import type { DelegationView } from "@/lib/delegation/queries";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { ActionButton } from "../access/action-button";
import { AcceptWithAccountForm } from "./accept-with-account-form";
import { acceptAction, endAction, refuseAction, resendAction, withdrawAction } from "./actions";
import { withElision } from "@/lib/i18n/elision";

/** One side's delegations: status, date, who started it, the re-send count (SPEC §5). */
export async function DelegationTable({
  id,
  side,
  rows,
  accounts,
}: {
  id: string;
  side: "enterprise" | "intermediary";
  rows: DelegationView[];
  accounts: Array<{ id: string; name: string; delegated: boolean }>;
}) {
  const t = await getTranslations("delegation.table");
  const format = await getAppFormatter();
  const locale = (await getLocale()) as keyof LocalizedName;
  const th = "whitespace-nowrap px-3 py-2 font-semibold";
  const td = "px-3 py-2";
  if (rows.length === 0) return <p className="mt-2 text-sm">{t("empty")}</p>;
  return (
    // Issue 13: padded columns so they never run together; on a phone the table scrolls inside its card.
    <div role="region" aria-label={t(side === "enterprise" ? "captionEnterprise" : "captionIntermediary")} tabIndex={0} className="mt-3 overflow-x-auto">
      <table id={id} className="w-full text-left text-sm">
        <caption className="sr-only">{t(side === "enterprise" ? "captionEnterprise" : "captionIntermediary")}</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className={th}>{t(side === "enterprise" ? "intermediary" : "enterprise")}</th>
            <th scope="col" className={th}>{t("quality")}</th>
            <th scope="col" className={th}>{t("account")}</th>
            <th scope="col" className={th}>{t("initiatedBy")}</th>
            <th scope="col" className={th}>{t("status")}</th>
            <th scope="col" className={th}>{t("date")}</th>
            <th scope="col" className={th}>{t("resends")}</th>
            <th scope="col" className={th}>{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const who = `${row.counterpartName} (${formatEnterpriseNumber(row.counterpartNumber)})`;
            return (
              <tr key={row.id} className="border-b align-top last:border-0" data-delegation={row.id}>
                <td className={`${td} font-medium`}>{who}</td>
                <td className={td}>{row.qualityName[locale]}</td>
                <td className={td}>{row.accountName ?? t("accountToChoose")}</td>
                <td className={td}>{t(`initiator.${row.initiatedBy}`)}</td>
                <td className={td}>
                  {t(`statuses.${row.status}`)}
                  {row.blocked ? <span className="block text-red-800">{t("blocked")}</span> : null}
                </td>
                <td className={td}>{format.dateTime(row.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td className={td}>
                  {row.resendsLeft === null
                    ? t("resendCount", { count: row.resendCount })
                    : t("resendCountLimited", { count: row.resendCount, left: row.resendsLeft })}
                </td>
                <td className={`${td} space-y-2`}>
                  {row.can.accept && side === "enterprise" && row.initiatedBy === "intermediary" ? (
                    <AcceptWithAccountForm delegationId={row.id} accounts={accounts} acceptName={t("acceptNamed", withElision({ who }, "who"))} />
                  ) : row.can.accept ? (
                    <ActionButton action={acceptAction} fields={{ delegationId: row.id }} label={t("accept")} accessibleName={t("acceptNamed", withElision({ who }, "who"))} className={primaryButton} />
                  ) : null}
                  {row.can.refuse ? (
                    <ActionButton action={refuseAction} fields={{ delegationId: row.id }} label={t("refuse")} accessibleName={t("refuseNamed", withElision({ who }, "who"))} className={dangerButton} />
                  ) : null}
                  {row.can.resend ? (
                    <ActionButton action={resendAction} fields={{ delegationId: row.id }} label={t("resend")} accessibleName={t("resendNamed", { who })} className={secondaryButton} />
                  ) : null}
                  {row.can.withdraw ? (
                    <ActionButton
                      action={withdrawAction}
                      fields={{ delegationId: row.id }}
                      label={t("withdraw")}
                      accessibleName={t("withdrawNamed", { who })}
                      className={secondaryButton}
                      confirm={{ title: t("withdrawTitle"), body: t("withdrawBody", { who }), confirmLabel: t("withdraw") }}
                    />
                  ) : null}
                  {row.can.end ? (
                    <ActionButton
                      action={endAction}
                      fields={{ delegationId: row.id }}
                      label={t("end")}
                      accessibleName={t("endNamed", { who })}
                      className={dangerButton}
                      confirm={{ title: t("endTitle"), body: t("endBody", { who, account: row.accountName ?? "" }), confirmLabel: t("end") }}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
