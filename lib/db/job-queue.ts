/**
 * Reading graphile-worker's queue for admins and tests. Its public `jobs` view leaves the payload
 * out, so these read the tables behind it (`_private_jobs`, `_private_tasks`) — graphile-worker is
 * pinned (0.18.0), and the integration tests read through here, so a change of shape shows at the
 * upgrade. Completed jobs are deleted by graphile-worker; what is here waits, runs or failed.
 */
import type pg from "pg";

export interface QueuedJobRow {
  id: string;
  task: string;
  payload: Record<string, unknown>;
  key: string | null;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedAt: Date | null;
  createdAt: Date;
}

const SELECT_JOBS = `SELECT j.id::text AS id, t.identifier AS task, j.payload, j.key, j.run_at, j.attempts,
       j.max_attempts, j.last_error, j.locked_at, j.created_at
  FROM graphile_worker._private_jobs j
  JOIN graphile_worker._private_tasks t ON t.id = j.task_id`;

function toRow(row: Record<string, unknown>): QueuedJobRow {
  return {
    id: row.id as string,
    task: row.task as string,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    key: (row.key as string | null) ?? null,
    runAt: row.run_at as Date,
    attempts: row.attempts as number,
    maxAttempts: row.max_attempts as number,
    lastError: (row.last_error as string | null) ?? null,
    lockedAt: (row.locked_at as Date | null) ?? null,
    createdAt: row.created_at as Date,
  };
}

/** Jobs whose payload names `requestId` (tests, and a request's admin view). */
export async function jobsAboutRequest(pool: pg.Pool, requestId: string): Promise<QueuedJobRow[]> {
  const { rows } = await pool.query(
    `${SELECT_JOBS} WHERE j.payload->>'requestId' = $1 ORDER BY j.id`,
    [requestId],
  );
  return rows.map(toRow);
}

export interface QueueSummary {
  /** Due now, waiting for a worker. */
  waiting: number;
  /** Due later (reminders, retries after a failure). */
  scheduled: number;
  running: number;
  /** Failed at least once and will be tried again. */
  retrying: number;
  /** Failed on every attempt: an admin retries or abandons them. */
  dead: number;
}

export async function queueSummary(pool: pg.Pool): Promise<QueueSummary> {
  const { rows } = await pool.query<Record<keyof QueueSummary, number>>(`SELECT
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())::int AS waiting,
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
      count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
      count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts AND locked_at IS NULL)::int AS retrying,
      count(*) FILTER (WHERE attempts >= max_attempts)::int AS dead
    FROM graphile_worker._private_jobs`);
  return rows[0] as QueueSummary;
}

/** Jobs that failed: the dead first, then those being retried; newest failure first. */
export async function failedJobs(pool: pg.Pool, limit = 100): Promise<QueuedJobRow[]> {
  const { rows } = await pool.query(
    `${SELECT_JOBS} WHERE j.attempts > 0 AND j.last_error IS NOT NULL
     ORDER BY (j.attempts >= j.max_attempts) DESC, j.updated_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toRow);
}

export async function jobById(pool: pg.Pool, id: string): Promise<QueuedJobRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await pool.query(`${SELECT_JOBS} WHERE j.id = $1::bigint`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Runs a dead job again from its first attempt, now. False when it is not dead (any more). */
export async function rescheduleDeadJob(pool: pg.Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM graphile_worker.reschedule_jobs(
       ARRAY(SELECT j.id FROM graphile_worker._private_jobs j
             WHERE j.id = $1::bigint AND j.attempts >= j.max_attempts), now(), NULL, 0, NULL)`,
    [id],
  );
  return (rowCount ?? 0) > 0;
}

/** Removes a dead job for good. False when it is not dead (any more). */
export async function removeDeadJob(pool: pg.Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM graphile_worker.complete_jobs(
       ARRAY(SELECT j.id FROM graphile_worker._private_jobs j
             WHERE j.id = $1::bigint AND j.attempts >= j.max_attempts))`,
    [id],
  );
  return (rowCount ?? 0) > 0;
}
