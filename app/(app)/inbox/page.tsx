import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/page-header";
import { formatDue, formatStatus, requestLabel } from "@/components/request-format";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { inboxPage } from "@/lib/db/inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requirePermission("inbox:read");
  const deciding = user.roles.filter((role) => role !== "REQUESTER" && role !== "ADMIN");
  const { items } = await inboxPage(db(), {
    id: user.id,
    roles: user.roles,
    departmentId: user.department?.id ?? null,
  });
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`Steps waiting for: ${deciding.map((role) => ROLE_LABELS[role]).join(", ")}${
          deciding.includes("MANAGER") && user.department ? ` (${user.department.name})` : ""
        }`}
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing is waiting for your decision." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Steps waiting for your decision, soonest due first
            </caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Request
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Requester
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Type
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Step
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Due
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">
                    <span className="font-mono text-xs text-slate-500">
                      {requestLabel(item.number)}
                    </span>{" "}
                    {item.title}
                  </td>
                  <td className="px-4 py-2">
                    {item.requesterName}
                    {item.departmentName ? (
                      <span className="text-slate-500"> · {item.departmentName}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2">{formatStatus(item.type)}</td>
                  <td className="px-4 py-2">
                    {ROLE_LABELS[item.stepRole]}
                    {item.escalated ? " (escalated)" : ""}
                  </td>
                  <td className="px-4 py-2">{formatDue(item.stepDueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
