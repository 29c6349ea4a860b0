/**
 * The outbox of approved actions (action_runs): claiming a run for an attempt, and recording how
 * it ended together with its audit event, once.
 *
 * A run is claimed by the one job that runs it (graphile-worker locks the job); a claim after a
 * crash takes over a run left RUNNING. Recording is one transaction: the run goes from RUNNING to
 * its outcome (a run already finished or abandoned is not touched, so nothing is recorded twice),
 * and the event is chained onto the request's audit head, which is locked for the moment so no
 * other append interleaves.
 */
import type pg from "pg";
import type { AuditEntry, JsonValue } from "@/lib/engine";
import { appendAudit } from "./audit-append";

export type RunStatus = "QUEUED" | "RUNNING" | "FAILED" | "SUCCEEDED" | "DEAD" | "ABANDONED";

export interface ClaimedRun {
  id: string;
  requestId: string;
  round: number;
  nodeId: string;
  idempotencyKey: string;
  tool: string;
  params: Record<string, unknown>;
  actionHash: string;
  attempts: number;
}

/** Takes the run for one more attempt; null when it is finished or abandoned. */
export async function claimRun(pool: pg.Pool, id: string, now: Date): Promise<ClaimedRun | null> {
  const { rows } = await pool.query(
    `UPDATE action_runs SET status = 'RUNNING', attempts = attempts + 1, started_at = $2, last_error = NULL
     WHERE id = $1::uuid AND status IN ('QUEUED', 'RUNNING', 'FAILED', 'DEAD')
     RETURNING id::text, request_id::text, round, node_id, idempotency_key, tool, params, action_hash, attempts`,
    [id, now],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    requestId: row.request_id,
    round: row.round,
    nodeId: row.node_id,
    idempotencyKey: row.idempotency_key,
    tool: row.tool,
    params: row.params ?? {},
    actionHash: row.action_hash,
    attempts: row.attempts,
  };
}

/** An attempt failed and will be retried: the run waits as FAILED with the error. */
export async function markRunFailed(pool: pg.Pool, id: string, error: string): Promise<void> {
  await pool.query(
    `UPDATE action_runs SET status = 'FAILED', last_error = $2 WHERE id = $1::uuid AND status = 'RUNNING'`,
    [id, error.slice(0, 2_000)],
  );
}

export interface RunOutcome {
  status: "SUCCEEDED" | "DEAD" | "ABANDONED";
  result?: JsonValue;
  error?: string;
  /** The audit event that records it (ACTION_EXECUTED / ACTION_FAILED). */
  audit: AuditEntry;
}

/**
 * Records how the run ended and appends its audit event, in one transaction. False when the run
 * was not in a state to end so (already recorded, or abandoned meanwhile): nothing is written.
 */
export async function finishRun(
  pool: pg.Pool,
  id: string,
  from: readonly RunStatus[],
  outcome: RunOutcome,
  now: Date,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const run = await client.query<{ request_id: string }>(
      `UPDATE action_runs SET status = $2, result = $3::jsonb, last_error = $4, finished_at = $5
       WHERE id = $1::uuid AND status = ANY($6::text[]) RETURNING request_id::text`,
      [
        id,
        outcome.status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error?.slice(0, 2_000) ?? null,
        now,
        from,
      ],
    );
    const requestId = run.rows[0]?.request_id;
    if (!requestId) {
      await client.query("ROLLBACK");
      return false;
    }
    await appendAudit(client, requestId, outcome.audit, now);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface ActionRunView {
  id: string;
  tool: string;
  params: Record<string, unknown>;
  status: RunStatus;
  attempts: number;
  lastError: string | null;
  result: JsonValue | null;
  queuedAt: Date;
  finishedAt: Date | null;
}

/** A request's action runs, oldest first (one per round that ran its action). */
export async function runsOfRequest(pool: pg.Pool, requestId: string): Promise<ActionRunView[]> {
  const { rows } = await pool.query(
    `SELECT id::text, tool, params, status, attempts, last_error, result, queued_at, finished_at
     FROM action_runs WHERE request_id = $1::uuid ORDER BY queued_at`,
    [requestId],
  );
  return rows.map((row) => ({
    id: row.id,
    tool: row.tool,
    params: row.params ?? {},
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    result: row.result,
    queuedAt: row.queued_at,
    finishedAt: row.finished_at,
  }));
}
