import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Home" };

const DESCRIPTIONS: Record<string, string> = {
  "/requests/new": "Describe what you need in plain words; the assistant fills in the details.",
  "/requests": "Follow the requests you have written: status, current step and who it waits on.",
  "/inbox": "Decide on the steps waiting for your role, soonest due first.",
  "/admin/users": "People, their roles and departments.",
  "/admin/system": "Version, database and migration status of this instance.",
};

export default async function HomePage() {
  const user = await requireUser();
  const destinations = navigationFor(user).filter((item) => item.href !== "/");
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description={
          <>
            Signed in as {user.email} · {user.roles.map((role) => ROLE_LABELS[role]).join(", ")}
            {user.department ? ` · ${user.department.name}` : ""}
          </>
        }
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {destinations.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600"
            >
              <span className="font-medium">{item.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{DESCRIPTIONS[item.href]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
