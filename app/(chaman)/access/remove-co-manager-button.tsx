import { getTranslations } from "next-intl/server";
import { dangerButton } from "@/components/ui/buttons";
import { ActionButton } from "./action-button";
import { removeCoManagerAction } from "./actions";

/**
 * « Retirer » for a co-manager. For one's own role it first asks (issue 19): the dialog's button sends
 * `confirmSelf`, without which the service refuses to remove the actor's own role.
 */
export async function RemoveCoManagerButton({ manager, own, roleLabel }: { manager: { id: string; name: string }; own: boolean; roleLabel: string }) {
  const t = await getTranslations("access.coManagers");
  return (
    <ActionButton
      action={removeCoManagerAction}
      fields={own ? { assignmentId: manager.id, confirmSelf: "1" } : { assignmentId: manager.id }}
      label={t("remove")}
      accessibleName={t("removeNamed", { name: manager.name })}
      className={dangerButton}
      confirm={own ? { title: t("removeSelfTitle"), body: t("removeSelfBody", { role: roleLabel }), confirmLabel: t("removeSelfConfirm") } : undefined}
    />
  );
}
