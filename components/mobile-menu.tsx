"use client";
/**
 * On a phone the menu (navigation, who is signed in, settings, sign out) folds behind one button
 * instead of wrapping over two rows; from the `sm` width up it is always shown. It closes when the
 * page changes.
 */
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { useHydrated } from "./early-input";

export function MobileMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const hydrated = useHydrated();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:hidden"
        aria-expanded={open}
        aria-controls="app-menu"
        disabled={!hydrated}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? "Close menu" : "Menu"}
      </button>
      <div
        id="app-menu"
        data-open={open}
        className="hidden w-full flex-col gap-3 data-[open=true]:flex sm:flex sm:w-auto sm:flex-1 sm:flex-row sm:items-center sm:gap-6"
      >
        {children}
      </div>
    </>
  );
}
