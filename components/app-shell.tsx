import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/config";
import type { NavItem } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Logo } from "./logo";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";

export function AppShell({
  user,
  navigation,
  signOutAction,
  children,
}: {
  user: SessionUser;
  navigation: NavItem[];
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" aria-label="Flowgate home">
            <Logo />
          </Link>
          <MobileMenu>
            <NavLinks
              items={navigation.map(({ href, label, exact }) => ({ href, label, exact }))}
            />
            <div className="flex flex-wrap items-center gap-3 text-sm sm:ml-auto">
              <span className="block sm:text-right" data-testid="current-user">
                <span className="block font-medium">{user.name}</span>
                <span className="block text-xs text-slate-500">
                  {user.roles.map((role) => ROLE_LABELS[role]).join(" · ")}
                  {user.department ? ` — ${user.department.name}` : ""}
                </span>
              </span>
              <Link
                href="/tasks"
                className="rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
              >
                Tasks
              </Link>
              <Link
                href="/settings"
                className="rounded-md px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
              >
                Settings
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
                >
                  Sign out
                </button>
              </form>
            </div>
          </MobileMenu>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
