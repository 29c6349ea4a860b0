"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: Route; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  // The longest matching entry is current ("/requests/new" over "/requests").
  const matches = (item: { href: string; exact?: boolean }) =>
    item.href === "/" || item.exact
      ? pathname === item.href
      : pathname === item.href || pathname.startsWith(`${item.href}/`);
  const current = items
    .filter((item) => matches(item))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isCurrent = (href: string) => href === current;
  return (
    <nav aria-label="Main" className="w-full sm:w-auto">
      <ul className="flex flex-col gap-1 sm:flex-row sm:flex-wrap">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
