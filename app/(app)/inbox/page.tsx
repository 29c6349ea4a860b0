import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requirePermission("inbox:read");
  const deciding = user.roles.filter((role) => role !== "REQUESTER" && role !== "ADMIN");
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`Steps waiting for: ${deciding.map((role) => ROLE_LABELS[role]).join(", ")}${
          deciding.includes("MANAGER") && user.department ? ` (${user.department.name})` : ""
        }`}
      />
      <EmptyState title="Nothing is waiting for your decision." />
    </>
  );
}
