import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/page-header";
import { formatDue, formatStatus, requestLabel } from "@/components/request-format";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listOwnRequests } from "@/lib/db/requests";

export const metadata: Metadata = { title: "My requests" };

export default async function MyRequestsPage() {
  const user = await requirePermission("request:read-own");
  const requests = await listOwnRequests(db(), user.id);
  return (
    <>
      <PageHeader title="My requests" description="Everything you have asked for, newest first." />
      {requests.length === 0 ? (
        <EmptyState title="You have no requests yet." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your requests</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Request
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Type
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Waits on
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Due
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">
                    <span className="font-mono text-xs text-slate-500">
                      {requestLabel(r.number)}
                    </span>{" "}
                    {r.title}
                  </td>
                  <td className="px-4 py-2">{formatStatus(r.type)}</td>
                  <td className="px-4 py-2">{formatStatus(r.status)}</td>
                  <td className="px-4 py-2">{r.stepRole ? ROLE_LABELS[r.stepRole] : "—"}</td>
                  <td className="px-4 py-2">{formatDue(r.stepDueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
