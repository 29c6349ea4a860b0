/**
 * A request's life at a glance: received → AI analysed → waiting for approval → decided → its
 * action run (when it has one), each with when it happened, read from the audit timeline.
 */
import { ExactTime } from "@/components/exact-time";
import type { TimelineEntry } from "@/lib/db/request-view";

interface Stage {
  label: string;
  at: Date | null;
  state: "done" | "current" | "failed" | "upcoming";
}

export function lifecycleStages(timeline: readonly TimelineEntry[], hasAction: boolean): Stage[] {
  const first = (...actions: string[]) => timeline.find((e) => actions.includes(e.action)) ?? null;
  const last = (...actions: string[]) =>
    [...timeline].reverse().find((e) => actions.includes(e.action)) ?? null;
  const created = first("CREATED");
  const analysed = last("ENRICHED", "ENRICHMENT_FAILED");
  const submitted = last("SUBMITTED", "RESUBMITTED");
  const completed = last("COMPLETED", "CANCELLED");
  const ran = last("ACTION_EXECUTED", "ACTION_FAILED", "ACTION_ABANDONED");
  const outcome = completed?.toStatus ?? null;
  const stages: Stage[] = [
    { label: "Received", at: created?.createdAt ?? null, state: created ? "done" : "upcoming" },
    {
      label: analysed?.action === "ENRICHMENT_FAILED" ? "AI could not read it" : "AI analysed",
      at: analysed?.createdAt ?? null,
      state: analysed ? "done" : "upcoming",
    },
    {
      label: "Waiting for approval",
      at: submitted?.createdAt ?? null,
      state: submitted ? (completed ? "done" : "current") : "upcoming",
    },
    {
      label:
        outcome === "APPROVED"
          ? "Approved"
          : outcome === "REJECTED"
            ? "Rejected"
            : outcome === "CANCELLED"
              ? "Cancelled"
              : "Decided",
      at: completed?.createdAt ?? null,
      state: !completed ? "upcoming" : outcome === "APPROVED" ? "done" : "failed",
    },
  ];
  if (hasAction && outcome !== "REJECTED" && outcome !== "CANCELLED") {
    stages.push({
      label:
        ran?.action === "ACTION_EXECUTED"
          ? "Action executed"
          : ran?.action === "ACTION_FAILED"
            ? "Action failed"
            : ran?.action === "ACTION_ABANDONED"
              ? "Action abandoned"
              : "Action runs",
      at: ran?.createdAt ?? null,
      state: !ran
        ? outcome === "APPROVED"
          ? "current"
          : "upcoming"
        : ran.action === "ACTION_EXECUTED"
          ? "done"
          : "failed",
    });
  }
  return stages;
}

const MARK: Record<Stage["state"], string> = {
  done: "✓",
  current: "…",
  failed: "✕",
  upcoming: "○",
};

export function Lifecycle({
  timeline,
  hasAction,
}: {
  timeline: readonly TimelineEntry[];
  hasAction: boolean;
}) {
  const stages = lifecycleStages(timeline, hasAction);
  return (
    <ol
      className="flex flex-wrap gap-x-4 gap-y-2 text-sm"
      aria-label="Lifecycle"
      data-testid="lifecycle"
    >
      {stages.map((stage) => (
        <li
          key={stage.label}
          data-state={stage.state}
          aria-current={stage.state === "current" ? "step" : undefined}
          className="flex items-start gap-1.5 data-[state=failed]:text-red-800 data-[state=upcoming]:text-slate-500"
        >
          <span aria-hidden="true">{MARK[stage.state]}</span>
          <span>
            <span className="font-medium">{stage.label}</span>
            {stage.at ? (
              <span className="block text-xs text-slate-500">
                <ExactTime at={stage.at} />
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
