/** Every job Flowgate runs, and graphile-worker's task list built from them. */
import type { Task, TaskList } from "graphile-worker";
import { log } from "@/lib/log";
import { attachmentPurgeJob } from "./definitions/attachment-purge";
import { auditCheckpoint } from "./definitions/audit-checkpoint";
import { auditVerifyAll } from "./definitions/audit-verify-all";
import { enrichJob } from "./definitions/enrich";
import { mailPasswordLinkJob } from "./definitions/mail-password-link";
import { notifyCommentJob } from "./definitions/notify-comment";
import { notifyRequesterJob } from "./definitions/notify-requester";
import { notifyEscalations, notifyStep } from "./definitions/notify-step";
import { pingJob } from "./definitions/ping";
import { pruneSessions } from "./definitions/prune-sessions";
import { runActionJob } from "./definitions/run-action";
import { runNodeJob } from "./definitions/run-node";
import { runResumeJob } from "./definitions/run-resume";
import { slaSweep } from "./definitions/sla-sweep";
import { webhookDeliver, webhookFanOut } from "./definitions/webhooks";
import type { JobDefinition, JobRequest } from "./job";

// biome-ignore lint/suspicious/noExplicitAny: each definition checks its own payload type
export const JOBS: readonly JobDefinition<string, any>[] = [
  slaSweep,
  notifyStep,
  notifyEscalations,
  notifyRequesterJob,
  notifyCommentJob,
  runActionJob,
  enrichJob,
  pingJob,
  pruneSessions,
  auditCheckpoint,
  auditVerifyAll,
  mailPasswordLinkJob,
  webhookFanOut,
  webhookDeliver,
  attachmentPurgeJob,
  runNodeJob,
  runResumeJob,
];

/** Attempts per job before it is dead, for statements that enqueue in SQL. */
export const JOB_ATTEMPTS = Object.fromEntries(
  JOBS.map((job) => [job.id, job.maxAttempts]),
) as Record<string, number>;

export type JobId = (typeof JOBS)[number]["id"];

export function jobDefinition(id: string): JobDefinition | undefined {
  return JOBS.find((job) => job.id === id);
}

/** Each job's payload is checked against its schema before its handler runs. */
export function taskList(): TaskList {
  const tasks: TaskList = {};
  for (const job of JOBS) {
    const task: Task = async (raw, helpers) => {
      const parsed = job.schema.safeParse(raw);
      if (!parsed.success) {
        // A payload no handler can read is a bug: fail (and, after the attempts, show as dead).
        throw new Error(`invalid ${job.id} payload: ${parsed.error.issues[0]?.message}`);
      }
      const started = performance.now();
      try {
        await job.run(parsed.data, {
          attempt: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
          jobId: String(helpers.job.id),
          signal: helpers.abortSignal ?? new AbortController().signal,
        });
      } catch (error) {
        log.warn(
          { job: job.id, jobId: String(helpers.job.id), attempt: helpers.job.attempts, err: error },
          "job failed; it will be retried",
        );
        throw error;
      }
      log.debug({ job: job.id, ms: Math.round(performance.now() - started) }, "job done");
    };
    tasks[job.id] = task;
  }
  return tasks;
}

/** A request for job `id`, with the attempts its definition allows. */
export function jobRequest(
  id: JobId,
  payload: Record<string, unknown>,
  options: { key?: string; runAt?: Date; priority?: number } = {},
): JobRequest & { maxAttempts: number } {
  const definition = jobDefinition(id);
  if (!definition) throw new Error(`unknown job ${id}`);
  return { task: id, payload, ...options, maxAttempts: definition.maxAttempts };
}
