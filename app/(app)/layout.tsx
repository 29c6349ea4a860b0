import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { TimeZoneProvider } from "@/components/exact-time";
import { TimeZoneDetect } from "@/components/time-zone-detect";
import { signOut } from "@/lib/auth";
import { navigationFor } from "@/lib/auth/navigation";
import { requireUser } from "@/lib/auth/session";
import { adoptTimeZoneAction } from "./settings/actions";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/sign-in" });
}

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} navigation={navigationFor(user)} signOutAction={signOutAction}>
      <TimeZoneDetect known={user.timeZone ?? null} adopt={adoptTimeZoneAction} />
      <TimeZoneProvider zone={user.timeZone ?? null}>{children}</TimeZoneProvider>
    </AppShell>
  );
}
