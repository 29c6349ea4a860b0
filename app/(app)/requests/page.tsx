import type { Metadata, Route } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { buttonClass, inputClass } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { OwnRequestsQuerySchema, ownRequestsPage } from "@/lib/db/request-view";
import { REQUEST_TYPES } from "@/lib/engine/fields";
import { REQUEST_STATUSES } from "@/lib/engine/model";
import { formatStatus, requestLabel } from "@/lib/format";
import { TYPE_LABELS } from "@/lib/forms/request";

export const metadata: Metadata = { title: "My requests" };

export default async function MyRequestsPage({ searchParams }: PageProps<"/requests">) {
  const user = await requirePermission("request:read-own");
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = OwnRequestsQuerySchema.parse({
    status: first(raw.status) || undefined,
    type: first(raw.type) || undefined,
    q: first(raw.q) || undefined,
    page: first(raw.page),
  });
  const { items, total, page, pageCount } = await ownRequestsPage(db(), user.id, query);
  const filtered = Boolean(query.status || query.type || query.q);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (query.status) params.set("status", query.status);
    if (query.type) params.set("type", query.type);
    if (query.q) params.set("q", query.q);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return `/requests${search ? `?${search}` : ""}` as Route;
  };
  return (
    <>
      <PageHeader
        title="My requests"
        description="Everything you have asked for, newest first."
        actions={
          <Link href="/requests/new" className={buttonClass.primary}>
            New request
          </Link>
        }
      />
      <form
        method="get"
        aria-label="Filter your requests"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
      >
        <div>
          <label htmlFor="q" className="block text-xs font-medium text-slate-600">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="Title, text or FG-number"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-xs font-medium text-slate-600">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={query.status ?? ""}
            className={inputClass}
          >
            <option value="">Any status</option>
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {formatStatus(status)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="type" className="block text-xs font-medium text-slate-600">
            Type
          </label>
          <select id="type" name="type" defaultValue={query.type ?? ""} className={inputClass}>
            <option value="">Any type</option>
            {REQUEST_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.secondary}>
            Apply
          </button>
          {filtered ? (
            <Link href="/requests" className={buttonClass.secondary}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {items.length === 0 ? (
        <EmptyState
          title={filtered ? "No request matches these filters." : "You have no requests yet."}
        >
          {filtered ? null : (
            <Link href="/requests/new" className="text-brand-700 underline">
              Write your first request
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
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
                {items.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className="px-4 py-2">
                      <Link
                        href={`/requests/${r.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        <span className="font-mono text-xs text-slate-500">
                          {requestLabel(r.number)}
                        </span>{" "}
                        {r.title}
                      </Link>
                    </td>
                    <td className="px-4 py-2">{TYPE_LABELS[r.type]}</td>
                    <td className="px-4 py-2">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="px-4 py-2">
                      {r.stepRole ? ROLE_LABELS[r.stepRole] : "—"}
                      {r.stepDepartment ? (
                        <span className="text-slate-500"> · {r.stepDepartment}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-2">
                      {r.stepDueAt ? <ExactTime at={r.stepDueAt} /> : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            <p className="text-slate-600">
              {total.toLocaleString("en")} request{total === 1 ? "" : "s"} · page {page} of{" "}
              {pageCount}
            </p>
            <div className="flex gap-2">
              {page > 1 ? (
                <Link href={pageHref(page - 1)} className={buttonClass.secondary} rel="prev">
                  Previous
                </Link>
              ) : null}
              {page < pageCount ? (
                <Link href={pageHref(page + 1)} className={buttonClass.secondary} rel="next">
                  Next
                </Link>
              ) : null}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
