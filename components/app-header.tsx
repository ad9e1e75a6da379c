import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { getActor, toServiceActor, type Actor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { demoOutboxEnabled } from "@/lib/notify/demo";
import { countDecisionsWaiting } from "@/lib/notify/todo";
import { ContextSwitcher } from "./context-switcher";
import { LanguageMenu } from "./language-menu";
import { NavLinks } from "./nav-links";
import { signOutAction } from "./session-actions";

/**
 * Issue 16: delegation requests waiting for the acting user's decision, counted once per request. The
 * header is drawn twice per signed-in page: Next renders the root not-found.tsx, which draws the shell
 * for a signed-in user, as the hidden fallback of every page (vercel/next.js#67532).
 */
const decisionsWaiting = cache(async (): Promise<number> => {
  const actor = await getActor();
  const ctx = actor?.current;
  return actor && ctx?.chamanAccess ? countDecisionsWaiting(await getDb(), toServiceActor(actor, ctx)) : 0;
});

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations("common");
  const tSessions = await getTranslations("sessions");
  const tTransfer = await getTranslations("transfer");
  const ctx = actor.current;
  const tn = await getTranslations("notify");
  // `actor` is getActor()'s (the same cached value), so the count is this actor's.
  const waiting = ctx?.chamanAccess ? await decisionsWaiting() : 0;
  const links: Array<{ href: string; label: string; show: boolean; badge?: number }> = [
    { href: "/", label: t("nav.home"), show: Boolean(ctx?.chamanAccess) },
    { href: "/contact", label: t("nav.contact"), show: Boolean(ctx?.chamanAccess) },
    { href: "/delegations", label: t("nav.delegations"), show: Boolean(ctx?.chamanAccess), badge: waiting },
    { href: "/transfers", label: tTransfer("nav"), show: Boolean(ctx?.chamanAccess) },
    { href: "/access", label: t("nav.access"), show: Boolean(ctx?.canManageRights || ctx?.canManageQualities) },
    { href: "/journal", label: t("nav.journal"), show: Boolean(ctx?.canManageRights) },
    { href: "/managers", label: t("nav.managers"), show: true },
    { href: "/trainer-kit", label: t("nav.trainerKit"), show: Boolean(ctx?.chamanAccess) },
    { href: "/admin", label: (await getTranslations("admin"))("nav"), show: actor.user.platformAdmin },
    { href: "/outbox", label: tn("outbox.nav"), show: Boolean(ctx?.chamanAccess) && demoOutboxEnabled() },
  ];
  return (
    <header className="bg-brand text-white">
      {/* Issue 13: title and user tools on one row, wrapping as whole groups; « Agir pour » gets its own full row. */}
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-3">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <Link href="/" className="text-lg font-semibold">
            {t("appTitle")}
          </Link>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <LanguageMenu />
            <span className="text-sm">{t("user.signedInAs", { name: `${actor.user.firstName} ${actor.user.lastName}` })}</span>
            <Link href="/sessions" className="whitespace-nowrap text-sm underline hover:no-underline">
              {tSessions("menu")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="whitespace-nowrap rounded bg-white px-3 py-1 text-sm font-semibold text-brand hover:bg-brand-light">
                {t("user.signOut")}
              </button>
            </form>
          </div>
        </div>
        <ContextSwitcher actor={actor} />
      </div>
      <nav aria-label={t("nav.label")} className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-0.5 px-4">
          <NavLinks
            items={links
              .filter((link) => link.show)
              .map((link) => ({
                href: link.href,
                label: link.label,
                ...(link.badge ? { badge: { count: link.badge, spoken: tn("waiting", { count: link.badge }) } } : {}),
              }))}
          />
        </ul>
      </nav>
    </header>
  );
}
