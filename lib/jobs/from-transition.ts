/**
 * The jobs a transition needs, enqueued by the same statement that writes it:
 * - a step starts (the engine's `notify_step` effect) or is escalated: mail its approvers (that job
 *   then queues the reminder, due when REMINDER_AT_SHARE of the step's time has passed);
 * - the request is approved, rejected or sent back: mail the requester.
 * A transition's jobs carry no job key: its statement runs once (the version guard), so they are
 * queued once (lib/db/transition-writer.ts JOBS_CTE says why they go in without one). What must
 * not happen twice is guarded where it happens: each mail under its delivery key, each action by
 * its outbox row. A job checks when it runs that it is still true (the step still waits with that
 * due time), so a reminder for a step decided meanwhile sends nothing.
 */
import type { ActiveStep, Transition } from "@/lib/engine";
import { jobRequest } from "./catalog";
import type { JobRequest } from "./job";
import { jobSettings } from "./settings";

export type QueuedJob = JobRequest & { maxAttempts: number };

/** Share of a step's SLA after which its approvers are reminded (REMINDER_AT_SHARE, 0.75). */
export function reminderShare(): number {
  return jobSettings().REMINDER_AT_SHARE;
}

/**
 * Mail for a waiting step (started or escalated). Its reminder is queued by that job once the
 * mail went out (lib/services/notify-approvers.ts), so a step costs its transition one job.
 */
export function stepJob(
  requestId: string,
  step: ActiveStep,
  kind: "started" | "escalated",
): QueuedJob {
  const dueAt = step.dueAt.toISOString();
  return jobRequest("notify:step", { requestId, visitId: step.visitId, kind, dueAt });
}

/** The reminder of a step that waits from `from` until `dueAt`, at REMINDER_AT_SHARE of it. */
export function reminderJob(
  requestId: string,
  step: { visitId: string; dueAt: Date; from: Date },
  share = reminderShare(),
): QueuedJob {
  const dueAt = step.dueAt.toISOString();
  const at = new Date(step.from.getTime() + share * (step.dueAt.getTime() - step.from.getTime()));
  return jobRequest(
    "notify:step",
    { requestId, visitId: step.visitId, kind: "reminder", dueAt },
    { key: `step:${step.visitId}:${dueAt}:reminder`, runAt: at },
  );
}

/** Everything `transition` (whose audit entries got `seqs`) should set going. */
export function jobsForTransition(
  requestId: string,
  transition: Transition,
  seqs: readonly number[],
): QueuedJob[] {
  const jobs: QueuedJob[] = [];
  const step = transition.state.step;
  const started = transition.effects.some((e) => e.type === "notify_step");
  const escalated = transition.audit.some(
    (a) => a.action === "ESCALATED" || a.action === "SLA_ESCALATED",
  );
  if (step && (started || escalated)) {
    jobs.push(stepJob(requestId, step, started ? "started" : "escalated"));
  }
  transition.audit.forEach((entry, index) => {
    const seq = seqs[index];
    if (seq === undefined) return;
    if (entry.action === "COMPLETED" || entry.action === "CHANGES_REQUESTED") {
      jobs.push(jobRequest("notify:requester", { requestId, seq }));
    }
  });
  return jobs;
}

/** Runs an approved action (its outbox row `runId`, keyed by its idempotency key). */
export function actionJob(runId: string): QueuedJob {
  return jobRequest("action:run", { runId });
}
