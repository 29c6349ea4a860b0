/** The audit timeline of a request: who did what when, people, the workflow and the AI alike. */

import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { TimelineEntry } from "@/lib/db/request-view";
import type { JsonValue } from "@/lib/engine";
import { actorLabel } from "@/lib/services/view-request";
import { formatDateTime, formatPercent, formatStatus } from "./request-format";

const VERBS: Record<string, string> = {
  CREATED: "created the request",
  ENRICHED: "suggested type and fields",
  ENRICHMENT_FAILED: "could not read the request",
  UPDATED: "updated the fields",
  SUBMITTED: "submitted it",
  RESUBMITTED: "resubmitted it",
  ROUTING_WARNING: "found that the text says more than the fields",
  STEP_STARTED: "started a step",
  APPROVED: "approved",
  REJECTED: "rejected",
  CHANGES_REQUESTED: "requested changes",
  ESCALATED: "escalated",
  SLA_ESCALATED: "escalated (SLA overdue)",
  ACTION_QUEUED: "queued the approved action",
  ACTION_EXECUTED: "ran the approved action",
  ACTION_FAILED: "could not run the approved action",
  ACTION_ABANDONED: "abandoned the approved action",
  COMPLETED: "finished the workflow",
  CANCELLED: "cancelled it",
};

const data = (value: JsonValue): Record<string, JsonValue> =>
  value && typeof value === "object" && !Array.isArray(value) ? value : {};

function detailOf(entry: TimelineEntry): string | null {
  const d = data(entry.data);
  const role = (key: string) =>
    typeof d[key] === "string" ? (ROLE_LABELS[d[key] as Role] ?? String(d[key])) : null;
  switch (entry.action) {
    case "STEP_STARTED":
      return `Waiting for ${role("role")}`;
    case "ENRICHED":
      return typeof d.confidence === "number"
        ? `${formatStatus(String(d.type))}, confidence ${formatPercent(d.confidence)}`
        : null;
    case "ESCALATED":
    case "SLA_ESCALATED":
      return `${role("fromRole")} → ${role("toRole")}${typeof d.reason === "string" ? `: ${d.reason}` : ""}`;
    case "ACTION_EXECUTED":
      return typeof d.tool === "string" ? `${d.tool} (attempt ${String(d.attempts)})` : null;
    case "ACTION_FAILED":
      return typeof d.error === "string" ? `${String(d.tool)}: ${d.error}` : null;
    case "ACTION_ABANDONED":
      return typeof d.reason === "string" ? `“${d.reason}”` : null;
    case "ROUTING_WARNING":
      return Array.isArray(d.warnings)
        ? d.warnings.filter((w) => typeof w === "string").join(" ")
        : null;
    case "COMPLETED":
      return typeof d.outcome === "string" ? formatStatus(d.outcome) : null;
    default: {
      const note = d.reason ?? d.comment;
      return typeof note === "string" && note ? `“${note}”` : null;
    }
  }
}

export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol className="space-y-3" aria-label="Audit timeline" data-testid="timeline">
      {entries.map((entry) => {
        const detail = detailOf(entry);
        return (
          <li
            key={entry.seq}
            className="border-l-2 border-slate-200 pl-3 text-sm"
            data-action={entry.action}
          >
            <p>
              <span className="font-medium">{actorLabel(entry)}</span>{" "}
              {VERBS[entry.action] ?? formatStatus(entry.action)}
              {entry.actorType !== "USER" ? (
                <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
                  {entry.actorType}
                </span>
              ) : null}
            </p>
            {detail ? <p className="text-slate-700">{detail}</p> : null}
            <p className="text-xs text-slate-500">
              <time dateTime={entry.createdAt.toISOString()}>
                {formatDateTime(entry.createdAt)}
              </time>
              {entry.toStatus && entry.toStatus !== entry.fromStatus
                ? ` · ${formatStatus(entry.fromStatus ?? "new")} → ${formatStatus(entry.toStatus)}`
                : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
