import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { APPROVER_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { delegatorsOf } from "@/lib/db/delegations";
import { inboxCounts } from "@/lib/db/inbox";
import { RequestTypeSchema } from "@/lib/engine/fields";
import { inboxFor } from "@/lib/services/inbox";
import { Inbox, type InboxFilters } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: PageProps<"/inbox">) {
  const user = await requirePermission("inbox:read");
  const params = await searchParams;
  const one = (value: string | string[] | undefined) =>
    typeof value === "string" ? value : undefined;
  const type = RequestTypeSchema.safeParse(one(params.type));
  const filters: InboxFilters = {
    type: type.success ? type.data : null,
    q: (one(params.q) ?? "").slice(0, 100),
    urgent: one(params.urgent) === "1",
    selected: one(params.selected) ?? null,
  };
  const deciding = user.roles.filter((role) => APPROVER_ROLES.includes(role));
  const now = new Date();
  // Whom the user stands in for, read once for the first page and the count (with the session).
  const standingInFor = user.standingInFor ?? (await delegatorsOf(db(), user.id, now));
  const [initial, counts] = await Promise.all([
    inboxFor(
      db(),
      { ...user, standingInFor },
      {
        ...(filters.type ? { type: filters.type } : {}),
        ...(filters.q.trim() ? { q: filters.q } : {}),
        ...(filters.urgent ? { urgent: "1" } : {}),
      },
      now,
    ),
    inboxCounts(
      db(),
      { id: user.id, roles: user.roles, departmentId: user.department?.id ?? null, standingInFor },
      now,
    ),
  ]);
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`Steps waiting for: ${deciding.map((role) => ROLE_LABELS[role]).join(", ")}${
          deciding.includes("MANAGER") && user.department ? ` (${user.department.name})` : ""
        }. Soonest due first; it refreshes by itself.`}
      />
      <Inbox
        initial={initial}
        filters={filters}
        total={counts.waiting}
        renderedAt={now.toISOString()}
      />
    </>
  );
}
