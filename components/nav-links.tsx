"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** Said to screen readers after the label, e.g. "(2 waiting)"; the visible badge is `badge`. */
  badge?: { count: number; spoken: string };
}

/** The page a menu entry stands for: « Canaux techniques » (/) also covers the account pages. */
function isCurrent(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/" || pathname.startsWith("/accounts/");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main menu's entries; the one for the page on screen carries aria-current="page" (WCAG 2.4.8,
 * issue 13) and is underlined, so sighted and screen-reader users both know where they are.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <>
      {items.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className="block whitespace-nowrap px-2 py-2 text-sm hover:bg-white/10 aria-[current=page]:bg-white/15 aria-[current=page]:font-semibold aria-[current=page]:underline aria-[current=page]:underline-offset-4"
            >
              {item.label}
              {item.badge ? (
                <>
                  <span aria-hidden="true" className="ml-1.5 rounded-full bg-amber-300 px-1.5 text-xs font-bold text-slate-900">
                    {item.badge.count}
                  </span>
                  <span className="sr-only">{` (${item.badge.spoken})`}</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </>
  );
}
