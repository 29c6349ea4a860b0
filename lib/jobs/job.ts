/**
 * Background jobs as typed definitions (the documenso habit): each job declares its id and a zod
 * schema of its payload in lib/jobs/definitions/<name>.ts, with its handler. Services never call a
 * queue API: they describe the jobs a change needs as `JobRequest`s, and the statement that makes
 * the change enqueues them (lib/db/transition-writer.ts), so a committed change always has its jobs
 * and a change that lost its version race has none.
 *
 * The runtime is graphile-worker on the same PostgreSQL (lib/jobs/runtime.ts; docs/decisions.md
 * says why): any number of app and worker processes share the queue; each job runs on one of them.
 */
import { z } from "zod";

export interface JobContext {
  /** The job's attempt, from 1; the last one is `maxAttempts`. */
  attempt: number;
  maxAttempts: number;
  /** graphile-worker's job id, for logs. */
  jobId: string;
  /** Aborted when the process shuts down: long work should stop and be retried elsewhere. */
  signal: AbortSignal;
}

export interface JobDefinition<Id extends string = string, Payload = unknown> {
  id: Id;
  /** What the job does, for the admin's jobs page. */
  title: string;
  schema: z.ZodType<Payload>;
  /** Attempts before the job is dead (visible to admins, who retry or abandon it). */
  maxAttempts: number;
  run(payload: Payload, context: JobContext): Promise<void>;
}

export function defineJob<Id extends string, Payload>(
  definition: JobDefinition<Id, Payload>,
): JobDefinition<Id, Payload> {
  return definition;
}

/** A job to enqueue, as services describe it. */
export interface JobRequest {
  task: string;
  payload: Record<string, unknown>;
  /**
   * Deduplicates: a job waiting under the same key is replaced rather than doubled (a retried
   * transition, a second sweep). Keys name what the job is about ("notify-step:<visit id>").
   */
  key?: string;
  /** Not before this time (reminders); default now. */
  runAt?: Date;
  /** graphile-worker's priority: lower runs first; default 0 (every job the app had before). */
  priority?: number;
}

/** What graphile-worker's crontab passes a scheduled task: `_cron` (the tick); nothing else. */
export const CronPayloadSchema = z
  .object({ _cron: z.object({ ts: z.string() }).passthrough().optional() })
  .passthrough();
