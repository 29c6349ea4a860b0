/** The audit timeline of a request: who did what when, people, the workflow and the AI alike. */

import { describeEvent } from "@/lib/audit/describe";
import type { TimelineEntry } from "@/lib/db/request-view";
import { formatExact, formatStatus } from "@/lib/format";
import { actorLabel } from "@/lib/services/view-request";

export function Timeline({
  entries,
  timeZone,
}: {
  entries: readonly TimelineEntry[];
  /** The reader's zone (UTC until they have one): an audit trail shows exact times. */
  timeZone?: string | null;
}) {
  return (
    <ol className="space-y-3" aria-label="Audit timeline" data-testid="timeline">
      {entries.map((entry) => {
        const { verb, detail, problem } = describeEvent(entry.action, entry.data);
        return (
          <li
            key={entry.seq}
            className="border-l-2 border-slate-200 pl-3 text-sm"
            data-action={entry.action}
          >
            <p>
              <span className="font-medium">{actorLabel(entry)}</span> {verb}
              {entry.actorType !== "USER" ? (
                <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
                  {entry.actorType}
                </span>
              ) : null}
            </p>
            {detail ? <p className="text-slate-700">{detail}</p> : null}
            {problem ? (
              <p className="text-rose-700">
                This event's data is not what its action records: {problem}
              </p>
            ) : null}
            <p className="text-xs text-slate-500">
              <time dateTime={entry.createdAt.toISOString()}>
                {formatExact(entry.createdAt, timeZone)}
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
