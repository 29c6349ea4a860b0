/**
 * The SQL of graph runs (lib/services/runs/*): a run's row (state, visits, joins, the node visits
 * scheduled or running), its node visits (one row per node and visit: the unit of exactly-once
 * execution), and its append-only log, numbered per run. Every change to a run happens with its
 * row locked (`lockRun`), so parallel branches finishing at once merge their writes one after
 * the other, and each statement that changes a run NOTIFYs RUN_CHANNEL for the live log.
 */
import type pg from "pg";
import type { GraphDefinition, RunState, RunStatus } from "@/lib/graph/model";

export const RUN_CHANNEL = "flowgate_runs";

export interface RunRow {
  id: string;
  workflowId: string;
  workflowKey: string;
  workflowVersion: number;
  workflowName: string;
  status: RunStatus;
  input: RunState;
  state: RunState;
  visits: Record<string, number>;
  joins: Record<string, { arrived: number; needed: number; fired: boolean }>;
  active: string[];
  error: string | null;
  logSeq: number;
  createdById: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface LogEntry {
  kind:
    | "run_queued"
    | "run_started"
    | "node_started"
    | "node_finished"
    | "node_failed"
    | "node_discarded"
    | "state_changed"
    | "branch_arrived"
    | "approval_requested"
    | "run_succeeded"
    | "run_failed"
    | "run_cancelled";
  nodeId?: string;
  visit?: number;
  data?: Record<string, unknown>;
}

export interface LogLine extends LogEntry {
  seq: number;
  at: Date;
}

const RUN_COLUMNS = `r.id::text, r.workflow_id::text AS "workflowId", w.key AS "workflowKey",
  w.version AS "workflowVersion", w.name AS "workflowName", r.status, r.input, r.state, r.visits,
  r.joins, r.active, r.error, r.log_seq::int8 AS "logSeq", r.created_by_id::text AS "createdById",
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

function toRun(row: RunRow & { logSeq: string | number }): RunRow {
  return { ...row, logSeq: Number(row.logSeq) };
}

/** The run with its row locked until the transaction ends; null when there is none. */
export async function lockRun(client: pg.PoolClient, runId: string): Promise<RunRow | null> {
  const { rows } = await client.query(
    `SELECT ${RUN_COLUMNS} FROM runs r JOIN graph_workflows w ON w.id = r.workflow_id
      WHERE r.id = $1::uuid FOR UPDATE OF r`,
    [runId],
  );
  return rows[0] ? toRun(rows[0]) : null;
}

export async function readRun(db: pg.Pool | pg.PoolClient, runId: string): Promise<RunRow | null> {
  const { rows } = await db.query(
    `SELECT ${RUN_COLUMNS} FROM runs r JOIN graph_workflows w ON w.id = r.workflow_id WHERE r.id = $1::uuid`,
    [runId],
  );
  return rows[0] ? toRun(rows[0]) : null;
}

/** Runs newest first, `limit` after the cursor (created_at, id); all runs or one person's. */
export async function listRuns(
  db: pg.Pool,
  options: { createdById: string | null; limit: number; before?: { at: Date; id: string } },
): Promise<RunRow[]> {
  const { rows } = await db.query(
    `SELECT ${RUN_COLUMNS} FROM runs r JOIN graph_workflows w ON w.id = r.workflow_id
      WHERE ($1::uuid IS NULL OR r.created_by_id = $1::uuid)
        AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
      ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
    [options.createdById, options.before?.at ?? null, options.before?.id ?? null, options.limit],
  );
  return rows.map(toRun);
}

export async function insertRun(
  client: pg.PoolClient,
  run: {
    id: string;
    workflowId: string;
    input: RunState;
    state: RunState;
    createdById: string;
    now: Date;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO runs (id, workflow_id, status, input, state, created_by_id, created_at)
     VALUES ($1::uuid, $2::uuid, 'QUEUED', $3::jsonb, $4::jsonb, $5::uuid, $6)`,
    [
      run.id,
      run.workflowId,
      JSON.stringify(run.input),
      JSON.stringify(run.state),
      run.createdById,
      run.now,
    ],
  );
}

/** Writes the run's changing columns (its row must be locked by this transaction). */
export async function saveRun(client: pg.PoolClient, run: RunRow): Promise<void> {
  await client.query(
    `UPDATE runs SET status = $2, state = $3::jsonb, visits = $4::jsonb, joins = $5::jsonb,
            active = $6::text[], error = $7, started_at = $8, finished_at = $9
      WHERE id = $1::uuid`,
    [
      run.id,
      run.status,
      JSON.stringify(run.state),
      JSON.stringify(run.visits),
      JSON.stringify(run.joins),
      run.active,
      run.error,
      run.startedAt,
      run.finishedAt,
    ],
  );
}

/** Appends lines to the run's log, numbered after its last, and wakes the live log's readers. */
export async function appendRunLog(
  client: pg.PoolClient,
  runId: string,
  entries: LogEntry[],
  now: Date,
): Promise<number> {
  if (entries.length === 0) return 0;
  const { rows } = await client.query<{ seq: string }>(
    `WITH numbered AS (
       UPDATE runs SET log_seq = log_seq + $2 WHERE id = $1::uuid RETURNING log_seq - $2 AS first
     )
     INSERT INTO run_log (run_id, seq, at, kind, node_id, visit, data)
     SELECT $1::uuid, numbered.first + e.n, $3, e.kind, e.node_id, e.visit, coalesce(e.data, '{}'::jsonb)
       FROM numbered, jsonb_to_recordset($4::jsonb) AS e(kind text, node_id text, visit int, data jsonb, n int8)
     RETURNING seq::text`,
    [
      runId,
      entries.length,
      now,
      JSON.stringify(
        entries.map((e, i) => ({
          n: i + 1,
          kind: e.kind,
          node_id: e.nodeId ?? null,
          visit: e.visit ?? null,
          data: e.data ?? {},
        })),
      ),
    ],
  );
  const last = Math.max(...rows.map((r) => Number(r.seq)));
  await client.query("SELECT pg_notify($1, $2)", [RUN_CHANNEL, `${runId}:${last}`]);
  return last;
}

/** Log lines after `afterSeq` (and up to `untilSeq`), oldest first, at most `limit`. */
export async function runLog(
  db: pg.Pool | pg.PoolClient,
  runId: string,
  afterSeq = 0,
  limit = 1_000,
  untilSeq: number | null = null,
): Promise<LogLine[]> {
  const { rows } = await db.query(
    `SELECT seq::int8 AS seq, at, kind, node_id AS "nodeId", visit, data FROM run_log
      WHERE run_id = $1::uuid AND seq > $2 AND ($4::int8 IS NULL OR seq <= $4) ORDER BY seq LIMIT $3`,
    [runId, afterSeq, limit, untilSeq],
  );
  return rows.map((row) => ({
    ...row,
    seq: Number(row.seq),
    nodeId: row.nodeId ?? undefined,
    visit: row.visit ?? undefined,
  }));
}

export type VisitClaim =
  | { kind: "claimed"; attempts: number }
  | { kind: "done" }
  | { kind: "failed" };

/**
 * Claims a node visit for execution: the first claim inserts it, a later one (the job ran before
 * and its process died) counts another attempt. A visit already finished is never run again.
 */
export async function claimVisit(
  client: pg.PoolClient,
  runId: string,
  nodeId: string,
  visit: number,
  now: Date,
): Promise<VisitClaim> {
  const { rows } = await client.query<{ status: string; attempts: number }>(
    `INSERT INTO run_node_visits (run_id, node_id, visit, status, attempts, started_at)
     VALUES ($1::uuid, $2, $3, 'RUNNING', 1, $4)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE
       SET attempts = run_node_visits.attempts + (run_node_visits.status = 'RUNNING')::int
     RETURNING status, attempts`,
    [runId, nodeId, visit, now],
  );
  const row = rows[0];
  if (!row) throw new Error("claimVisit returned nothing");
  if (row.status === "RUNNING") return { kind: "claimed", attempts: row.attempts };
  return row.status === "FAILED" ? { kind: "failed" } : { kind: "done" };
}

export async function finishVisit(
  client: pg.PoolClient,
  visit: {
    runId: string;
    nodeId: string;
    visit: number;
    status: "SUCCEEDED" | "FAILED" | "SKIPPED";
    now: Date;
    durationMs: number;
    writtenKeys: string[];
    error: string | null;
  },
): Promise<void> {
  await client.query(
    `UPDATE run_node_visits SET status = $4, finished_at = $5, duration_ms = $6, written_keys = $7::text[], error = $8
      WHERE run_id = $1::uuid AND node_id = $2 AND visit = $3`,
    [
      visit.runId,
      visit.nodeId,
      visit.visit,
      visit.status,
      visit.now,
      Math.round(visit.durationMs),
      visit.writtenKeys,
      visit.error,
    ],
  );
}

export interface VisitRow {
  nodeId: string;
  visit: number;
  status: string;
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  writtenKeys: string[];
  error: string | null;
}

export async function runVisits(db: pg.Pool, runId: string): Promise<VisitRow[]> {
  const { rows } = await db.query(
    `SELECT node_id AS "nodeId", visit, status, attempts, started_at AS "startedAt",
            finished_at AS "finishedAt", duration_ms::int8 AS "durationMs", written_keys AS "writtenKeys", error
       FROM run_node_visits WHERE run_id = $1::uuid ORDER BY started_at, node_id, visit`,
    [runId],
  );
  return rows.map((row) => ({
    ...row,
    durationMs: row.durationMs === null ? null : Number(row.durationMs),
  }));
}

// ---------------------------------------------------------------------------------------------
// Definitions

export interface GraphWorkflowRow {
  id: string;
  key: string;
  version: number;
  name: string;
  definition: GraphDefinition;
  createdAt: Date;
}

const WORKFLOW_COLUMNS = `id::text, key, version, name, definition, created_at AS "createdAt"`;

/** The latest version of each workflow, by key. */
export async function latestGraphWorkflows(db: pg.Pool): Promise<GraphWorkflowRow[]> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (key) ${WORKFLOW_COLUMNS} FROM graph_workflows ORDER BY key, version DESC`,
  );
  return rows;
}

export async function graphWorkflow(
  db: pg.Pool | pg.PoolClient,
  key: string,
  version?: number,
): Promise<GraphWorkflowRow | null> {
  const { rows } = await db.query(
    `SELECT ${WORKFLOW_COLUMNS} FROM graph_workflows WHERE key = $1 AND ($2::int IS NULL OR version = $2)
      ORDER BY version DESC LIMIT 1`,
    [key, version ?? null],
  );
  return rows[0] ?? null;
}

export async function graphWorkflowById(
  db: pg.Pool | pg.PoolClient,
  id: string,
): Promise<GraphWorkflowRow | null> {
  const { rows } = await db.query(
    `SELECT ${WORKFLOW_COLUMNS} FROM graph_workflows WHERE id = $1::uuid`,
    [id],
  );
  return rows[0] ?? null;
}

/** Stores `definition` as the next version of its key (serialised per key by an advisory lock). */
export async function insertGraphWorkflow(
  client: pg.PoolClient,
  definition: GraphDefinition,
  createdById: string | null,
  id: string,
  now: Date,
): Promise<GraphWorkflowRow> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('graph_workflows:' || $1))", [
    definition.key,
  ]);
  const { rows } = await client.query(
    `INSERT INTO graph_workflows (id, key, version, name, definition, created_by_id, created_at)
     SELECT $1::uuid, $2, coalesce(max(version), 0) + 1, $3, $4::jsonb, $5::uuid, $6
       FROM graph_workflows WHERE key = $2
     RETURNING ${WORKFLOW_COLUMNS}`,
    [id, definition.key, definition.name, JSON.stringify(definition), createdById, now],
  );
  return rows[0];
}
