import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { APPROVER_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { RequestTypeSchema } from "@/lib/engine/fields";
import { inboxFor } from "@/lib/services/inbox";
import { Inbox } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: PageProps<"/inbox">) {
  const user = await requirePermission("inbox:read");
  const { type: rawType } = await searchParams;
  const type = RequestTypeSchema.safeParse(rawType);
  const deciding = user.roles.filter((role) => APPROVER_ROLES.includes(role));
  const initial = await inboxFor(db(), user, type.success ? { type: type.data } : {});
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`Steps waiting for: ${deciding.map((role) => ROLE_LABELS[role]).join(", ")}${
          deciding.includes("MANAGER") && user.department ? ` (${user.department.name})` : ""
        }. Soonest due first; it refreshes by itself.`}
      />
      <Inbox
        key={type.success ? type.data : "all"}
        initial={initial}
        type={type.success ? type.data : null}
      />
    </>
  );
}
