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
