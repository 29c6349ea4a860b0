/**
 * The action a request runs once approved, exactly as the approver approves it, and (on the
 * request page) what became of it: each run's status, attempts, result or error.
 */
import { ExactTime } from "@/components/exact-time";
import type { ActionRunView } from "@/lib/db/action-runs";
import type { ActionView } from "@/lib/services/action-view";

const RUN_STATUS: Record<string, string> = {
  QUEUED: "waiting to run",
  RUNNING: "running",
  FAILED: "failed, will be retried",
  SUCCEEDED: "done",
  DEAD: "failed for good",
  ABANDONED: "abandoned",
};

export function ApprovedAction({
  action,
  runs = [],
  compact = false,
}: {
  action: ActionView;
  runs?: readonly ActionRunView[];
  compact?: boolean;
}) {
  return (
    <div
      className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid="approved-action"
    >
      <p className="font-medium">
        {compact ? "Once approved: " : ""}
        {action.label}
      </p>
      <ul className="mt-1 space-y-0.5 break-words text-slate-700">
        {action.lines.map((line) => (
          <li key={line} className="whitespace-pre-wrap">
            {line}
          </li>
        ))}
      </ul>
      {runs.length ? (
        <ul className="mt-2 space-y-1 border-t border-slate-200 pt-2" aria-label="Action runs">
          {runs.map((run) => (
            <li key={run.id} data-testid="action-run" data-status={run.status}>
              <span className="font-medium">{RUN_STATUS[run.status] ?? run.status}</span>
              {` · attempt${run.attempts === 1 ? "" : "s"}: ${run.attempts}`}
              {run.finishedAt ? (
                <>
                  {" "}
                  · <ExactTime at={run.finishedAt} />
                </>
              ) : null}
              {run.lastError ? <span className="block text-red-800">{run.lastError}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
