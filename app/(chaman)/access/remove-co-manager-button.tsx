import { getTranslations } from "next-intl/server";
import { dangerButton } from "@/components/ui/buttons";
import { ActionButton } from "./action-button";
import { removeCoManagerAction } from "./actions";

/**
 * « Retirer » for a co-manager: always asks first, safe button focused (issue 13), in stronger words for
 * one's own role (issue 19) — only that dialog's button sends `confirmSelf`, without which the service
 * refuses to remove the actor's own role. Says what happened afterwards (aria-live).
 */
export async function RemoveCoManagerButton({ manager, own, roleLabel }: { manager: { id: string; name: string }; own: boolean; roleLabel: string }) {
  const t = await getTranslations("access.coManagers");
  const tf = await getTranslations("feedback");
  return (
    <ActionButton
      action={removeCoManagerAction}
      fields={own ? { assignmentId: manager.id, confirmSelf: "1" } : { assignmentId: manager.id }}
      label={t("remove")}
      accessibleName={t("removeNamed", { name: manager.name })}
      className={dangerButton}
      confirm={
        own
          ? { title: t("removeSelfTitle"), body: t("removeSelfBody", { role: roleLabel }), confirmLabel: t("removeSelfConfirm") }
          : { title: tf("remove.title"), body: tf("remove.body", { name: manager.name, role: roleLabel }), confirmLabel: t("remove") }
      }
      done={tf("done.removed", { name: manager.name, role: roleLabel })}
    />
  );
}
