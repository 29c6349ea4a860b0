/**
 * The audit explorer's search form (a plain GET form: the filters live in the URL) and its
 * results, newest first, each event linked to its detail and its request. Server-rendered.
 */

import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { describeEvent } from "@/lib/audit/describe";
import { eventHref } from "@/lib/audit/links";
import type { AuditEventRow } from "@/lib/db/audit-search";
import { AUDIT_ACTIONS } from "@/lib/engine/audit-events";
import { REQUEST_TYPES } from "@/lib/engine/fields";
import { REQUEST_STATUSES } from "@/lib/engine/model";
import type { FieldIssue } from "@/lib/errors";
import { formatStatus, requestLabel } from "@/lib/format";
import { buttonClass, FieldError, inputClass } from "./ui";

type Values = Partial<Record<string, string>>;

export function actorOf(event: AuditEventRow): string {
  if (event.actorType === "SYSTEM") {
    return event.action === "SLA_ESCALATED" ? "Flowgate SLA timer" : "Flowgate workflow";
  }
  if (event.actorType === "AI") return "AI assistant";
  const who = event.actorName ?? "Unknown user";
  return event.onBehalfOfName ? `${who} on behalf of ${event.onBehalfOfName}` : who;
}

export function AuditFiltersForm({
  values,
  issues,
  departments,
  exportHref,
}: {
  values: Values;
  issues: readonly FieldIssue[];
  departments: readonly { id: string; name: string }[];
  exportHref: (format: "csv" | "jsonl") => string | null;
}) {
  const issue = (field: string) => issues.find((i) => i.field === field)?.message;
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {input}
      <FieldError id={`${name}-error`} message={issue(name)} />
    </div>
  );
  const attrs = (name: string) => ({
    name,
    id: name,
    defaultValue: values[name] ?? "",
    className: inputClass,
    "aria-invalid": issue(name) ? true : undefined,
    "aria-describedby": issue(name) ? `${name}-error` : undefined,
  });
  const csv = exportHref("csv");
  const jsonl = exportHref("jsonl");
  return (
    <form
      method="get"
      action="/admin/audit"
      className="space-y-3"
      aria-label="Search the audit trail"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {field(
          "q",
          "Text",
          <input type="search" {...attrs("q")} placeholder="Title, description, person" />,
        )}
        {field("number", "Request", <input {...attrs("number")} placeholder="FG-42" />)}
        {field("actor", "Actor (email)", <input type="email" {...attrs("actor")} />)}
        {field(
          "action",
          "Action",
          <select {...attrs("action")}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {formatStatus(action)}
              </option>
            ))}
          </select>,
        )}
        {field("from", "From (UTC)", <input type="date" {...attrs("from")} />)}
        {field("to", "To (UTC, inclusive)", <input type="date" {...attrs("to")} />)}
        {field(
          "type",
          "Request type",
          <select {...attrs("type")}>
            <option value="">Any</option>
            {REQUEST_TYPES.map((type) => (
              <option key={type} value={type}>
                {formatStatus(type)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "status",
          "Request status",
          <select {...attrs("status")}>
            <option value="">Any</option>
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {formatStatus(status)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "department",
          "Department",
          <select {...attrs("department")}>
            <option value="">Any</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>,
        )}
      </div>
      {values.user ? <input type="hidden" name="user" value={values.user} /> : null}
      {issue("after") || issue("user") ? (
        <p className="text-sm text-red-700">{issue("after") ?? issue("user")}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary}>
          Search
        </button>
        <Link href="/admin/audit" className={buttonClass.secondary}>
          Clear
        </Link>
        {csv && jsonl ? (
          <span className="text-sm text-slate-600">
            Export these events:{" "}
            <a href={csv} className="underline" download>
              CSV
            </a>{" "}
            ·{" "}
            <a href={jsonl} className="underline" download>
              JSON Lines
            </a>
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function AuditEventsTable({ events }: { events: readonly AuditEventRow[] }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-600">No events match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="audit-events">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              About
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              What
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Event
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const { verb, detail, problem } = describeEvent(event.action, event.data);
            return (
              <tr
                key={`${event.stream}/${event.seq}`}
                className="border-t border-slate-100 align-top"
                data-action={event.action}
              >
                <td className="px-3 py-2 whitespace-nowrap">
                  <ExactTime at={event.createdAt} />
                </td>
                <td className="px-3 py-2">
                  {event.requestId && event.number ? (
                    <Link href={`/requests/${event.requestId}`} className="underline">
                      {requestLabel(event.number)}
                    </Link>
                  ) : (
                    (event.subject ?? event.stream)
                  )}
                  {event.title ? <span className="block text-slate-600">{event.title}</span> : null}
                </td>
                <td className="px-3 py-2">{actorOf(event)}</td>
                <td className="px-3 py-2">
                  <span className="font-medium">{verb}</span>
                  {event.toStatus && event.toStatus !== event.fromStatus
                    ? ` · ${formatStatus(event.fromStatus ?? "new")} → ${formatStatus(event.toStatus)}`
                    : ""}
                  {detail ? <span className="block text-slate-700">{detail}</span> : null}
                  {problem ? (
                    <span className="block text-red-700">Not its action's shape: {problem}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  <Link href={eventHref(event.stream, event.seq)} className="underline">
                    #{event.seq} {event.hash.slice(0, 10)}…
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
