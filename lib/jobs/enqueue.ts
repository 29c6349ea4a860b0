/**
 * Enqueues jobs outside a transition (a job that queues its follow-up, an admin's retry), through
 * the same add_jobs call the transition writer uses inside its statement.
 */
import type pg from "pg";
import type { QueuedJob } from "./from-transition";

const ADD_JOBS = `SELECT count(*)::int AS n FROM graphile_worker.add_jobs(ARRAY(
  SELECT ROW(j.task, j.payload::json, NULL, COALESCE(j.run_at, now()), j.max_attempts, j.key, j.priority, NULL)::graphile_worker.job_spec
  FROM jsonb_to_recordset($1::jsonb) AS j(task text, payload jsonb, run_at timestamptz, max_attempts int, key text, priority int)))`;

export async function enqueueJobs(
  pool: pg.Pool | pg.PoolClient,
  jobs: QueuedJob[],
): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = jobs.map((job) => ({
    task: job.task,
    payload: job.payload,
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: job.maxAttempts,
    key: job.key ?? null,
    priority: job.priority ?? null,
  }));
  const result = await pool.query<{ n: number }>(ADD_JOBS, [JSON.stringify(rows)]);
  return result.rows[0]?.n ?? 0;
}
