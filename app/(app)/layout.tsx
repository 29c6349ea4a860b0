import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { signOut } from "@/lib/auth";
import { navigationFor } from "@/lib/auth/navigation";
import { requireUser } from "@/lib/auth/session";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/sign-in" });
}

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} navigation={navigationFor(user)} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
