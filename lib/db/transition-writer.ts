/**
 * Writes transitions, grouping the ones that arrive together into one statement.
 *
 * A decision costs two round trips (load, then write) and one commit; on two shared cores the
 * socket hand-offs and commits, not the SQL, were what limited decisions per second. So writes
 * that arrive while earlier ones are in flight wait and go together: one statement, one round
 * trip, one commit for the group. Under light load a write goes at once, alone, exactly as
 * before; a group forms only when writes queue up anyway.
 *
 * Each request in a group keeps its own version guard: rows whose version moved on are simply not
 * matched, and nothing of theirs (run log, decision, audit) is written; they answer null, the same
 * as a lone write that lost. A request appears at most once per group (a second write for it
 * waits for the next group, where its guard then decides). If a group's statement fails (a
 * deadlock between two groups, a constraint), nothing of it was written, and every member is
 * retried alone, so one bad write never fails the others.
 */
import type pg from "pg";
import type { QueuedJob } from "@/lib/jobs/from-transition";
import type { AuditRow } from "./audit";

export interface VisitRow {
  id: string;
  round: number;
  node_id: string;
  kind: string;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  outcome: string | null;
  error: string | null;
}

export interface DecisionRow {
  id: string;
  round: number;
  node_id: string;
  kind: string;
  actor_id: string;
  comment: string | null;
}

/** Everything one transition writes, by column. */
export interface TransitionRecord {
  id: string;
  /** The version the transition was computed from: the write applies only if it is still current. */
  expected: number;
  status: string;
  current_node_id: string | null;
  round: number;
  visits: unknown;
  fields: unknown;
  action: unknown;
  workflow_id: string | null;
  step_node_id: string | null;
  step_role: string | null;
  step_department_id: string | null;
  step_quorum: unknown;
  step_approvals: string[];
  step_started_at: Date | null;
  step_due_at: Date | null;
  step_escalated_at: Date | null;
  step_escalate_to: string | null;
  step_visit_id: string | null;
  submitted_at: Date | null;
  completed_at: Date | null;
  updated_at: Date;
  audit_seq: number | null;
  audit_hash: string | null;
  set_enrichment: boolean;
  enrichment: unknown;
  enrichment_error: string | null;
  set_confirmed: boolean;
  confirmed_at: Date | null;
  set_routing_warnings: boolean;
  routing_warnings: string[];
  type: string;
  /** The inbox queue ("ROLE:department id") the request waited in before, for live updates. */
  prev_queue: string | null;
  visitRows: VisitRow[];
  decisionRows: DecisionRow[];
  auditRows: AuditRow[];
  /** Approved actions to run (the outbox), written only if the transition is. */
  actionRunRows: ActionRunRow[];
  /** Jobs the transition sets going (lib/jobs/from-transition.ts), queued only if it is written. */
  jobRows: QueuedJob[];
}

export interface ActionRunRow {
  id: string;
  round: number;
  node_id: string;
  idempotency_key: string;
  tool: string;
  params: unknown;
  action_hash: string;
  queued_at: string;
}

// ─── the statement: one or more transitions ──────────────────────────────────────────────────────────────────────

/**
 * CTEs that queue the jobs of JSON array `param` whose `idx` is in `matched`: they commit with the
 * statement or not at all. The outer query must read `notified` (an unread CTE is not run).
 *
 * The rows go straight into graphile-worker's job table rather than through its add_jobs(): the
 * function cost a grouped decision statement ~6 ms (decisions/s 4,036 without jobs, 1,632 through
 * add_jobs, 3,855 like this; `npm run bench:engine`). It relies on graphile-worker's table shape,
 * pinned with its version (0.18.0): task ids come from `_private_tasks` (migrateJobQueue registers
 * every task; an unknown one fails the statement on task_id's NOT NULL, never drops a job), and one
 * NOTIFY per statement wakes the workers, as add_jobs would. Jobs queued here carry no job key.
 */
export function JOBS_CTE(param: string, matched: string): string {
  return `queued AS (
  INSERT INTO graphile_worker._private_jobs (task_id, payload, run_at, max_attempts)
  SELECT (SELECT t.id FROM graphile_worker._private_tasks t WHERE t.identifier = j.task),
         j.payload::json, COALESCE(j.run_at, now()), j.max_attempts::smallint
  FROM jsonb_to_recordset(${param}::jsonb) AS j(idx int, task text, payload jsonb, run_at timestamptz,
       max_attempts int)
  WHERE j.idx IN ${matched}
  RETURNING 1
), notified AS (
  SELECT pg_notify('jobs:insert', '{"count":' || (SELECT count(*) FROM queued) || '}')
)`;
}

/** A queued job as the statement's JSON carries it. */
export function jobJson(job: QueuedJob) {
  if (job.key) throw new Error(`a transition's job carries no key (${job.task}: ${job.key})`);
  return {
    task: job.task,
    payload: job.payload,
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: job.maxAttempts,
  };
}

/**
 * One NOTIFY on LIVE_CHANNEL for the requests a statement changed (lib/live/hub.ts fans it out to
 * open pages): their id, new version and status, and the inbox queues ("ROLE:department") they
 * left or joined. Delivered at commit, so a page that refetches sees the change. `rows` has
 * id, version, status, prev_queue, queue; the payload stays far under NOTIFY's 8,000 bytes for a
 * group of 64. One row when anything changed, none otherwise.
 */
export function LIVE_NOTIFY(rows: string): string {
  return `SELECT pg_notify('${LIVE_CHANNEL}', json_build_object(
    'r', (SELECT json_agg(json_build_array(x.id, x.version, x.status)) FROM ${rows} x),
    'q', (SELECT json_agg(DISTINCT q.queue) FROM (SELECT x.prev_queue AS queue FROM ${rows} x
          UNION SELECT x.queue FROM ${rows} x) q WHERE q.queue IS NOT NULL))::text)
  WHERE EXISTS (SELECT 1 FROM ${rows} x)`;
}

export const LIVE_CHANNEL = "flowgate_live";

const GROUP_SQL = `
WITH i AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
    idx int, id uuid, expected int, status text, current_node_id text, round int, visits jsonb, fields jsonb,
    action jsonb, workflow_id uuid, step_node_id text, step_role text, step_department_id uuid,
    step_quorum jsonb, step_approvals uuid[], step_started_at timestamptz, step_due_at timestamptz,
    step_escalated_at timestamptz, step_escalate_to text, step_visit_id uuid, submitted_at timestamptz,
    completed_at timestamptz, updated_at timestamptz, audit_seq int, audit_hash text,
    set_enrichment boolean, enrichment jsonb, enrichment_error text, set_confirmed boolean,
    confirmed_at timestamptz, set_routing_warnings boolean, routing_warnings text[], type text,
    prev_queue text)
), upd AS (
  UPDATE requests r SET
    status = i.status::"RequestStatus", current_node_id = i.current_node_id, round = i.round,
    visits = i.visits, fields = i.fields, action = i.action, workflow_id = i.workflow_id,
    step_node_id = i.step_node_id, step_role = i.step_role::"Role", step_department_id = i.step_department_id,
    step_quorum = i.step_quorum, step_approvals = i.step_approvals, step_started_at = i.step_started_at,
    step_due_at = i.step_due_at, step_escalated_at = i.step_escalated_at,
    step_escalate_to = i.step_escalate_to::"Role", step_visit_id = i.step_visit_id,
    submitted_at = COALESCE(i.submitted_at, r.submitted_at), completed_at = i.completed_at,
    updated_at = i.updated_at, version = r.version + 1,
    audit_seq = COALESCE(i.audit_seq, r.audit_seq), audit_hash = COALESCE(i.audit_hash, r.audit_hash),
    enrichment = CASE WHEN i.set_enrichment THEN i.enrichment ELSE r.enrichment END,
    enrichment_error = CASE WHEN i.set_enrichment THEN i.enrichment_error ELSE r.enrichment_error END,
    confirmed_at = CASE WHEN i.set_confirmed THEN i.confirmed_at ELSE r.confirmed_at END,
    routing_warnings = CASE WHEN i.set_routing_warnings THEN i.routing_warnings ELSE r.routing_warnings END,
    type = i.type::"RequestType"
  FROM i WHERE r.id = i.id AND r.version = i.expected
  RETURNING i.idx, r.version, r.id, r.status, i.prev_queue,
            CASE WHEN r.step_role IS NOT NULL THEN r.step_role || ':' || COALESCE(r.step_department_id::text, '') END AS queue
), visits AS (
  INSERT INTO node_visits (id, request_id, round, node_id, kind, started_at, ended_at, duration_ms, outcome, error)
  SELECT v.id, v.request_id, v.round, v.node_id, v.kind, v.started_at, v.ended_at, v.duration_ms, v.outcome, v.error
  FROM jsonb_to_recordset($2::jsonb) AS v(idx int, request_id uuid, id uuid, round int, node_id text, kind text,
       started_at timestamptz, ended_at timestamptz, duration_ms bigint, outcome text, error text)
  WHERE v.idx IN (SELECT idx FROM upd)
  RETURNING id
), decided AS (
  INSERT INTO decisions (id, request_id, round, node_id, kind, actor_id, comment, created_at)
  SELECT d.id, d.request_id, d.round, d.node_id, d.kind::"DecisionKind", d.actor_id, d.comment, d.created_at
  FROM jsonb_to_recordset($3::jsonb) AS d(idx int, request_id uuid, id uuid, round int, node_id text, kind text,
       actor_id uuid, comment text, created_at timestamptz)
  WHERE d.idx IN (SELECT idx FROM upd)
  RETURNING id
), audited AS (
  INSERT INTO audit_events (stream, seq, request_id, actor_type, actor_id, on_behalf_of_id, action,
                            from_status, to_status, data, created_at, prev_hash, hash)
  SELECT a.stream, a.seq, a.request_id, a.actor_type::"ActorType", a.actor_id, a.on_behalf_of_id, a.action,
         a.from_status::"RequestStatus", a.to_status::"RequestStatus", a.data, a.created_at, a.prev_hash, a.hash
  FROM jsonb_to_recordset($4::jsonb) AS a(idx int, request_id uuid, stream text, seq int, actor_type text,
       actor_id uuid, on_behalf_of_id uuid, action text, from_status text, to_status text, data jsonb,
       created_at timestamptz, prev_hash text, hash text)
  WHERE a.idx IN (SELECT idx FROM upd)
  RETURNING seq
), runs AS (
  INSERT INTO action_runs (id, request_id, round, node_id, idempotency_key, tool, params, action_hash,
                           status, queued_at)
  SELECT r.id, r.request_id, r.round, r.node_id, r.idempotency_key, r.tool, r.params, r.action_hash,
         'QUEUED', r.queued_at
  FROM jsonb_to_recordset($5::jsonb) AS r(idx int, request_id uuid, id uuid, round int, node_id text,
       idempotency_key text, tool text, params jsonb, action_hash text, queued_at timestamptz)
  WHERE r.idx IN (SELECT idx FROM upd)
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING id
), live AS (
  ${LIVE_NOTIFY("(SELECT id, version, status, prev_queue, queue FROM upd)")}
)`;

/** The statement without jobs, and with them: graphile-worker's add_jobs in the same statement. */
const GROUP_SQL_PLAIN = `${GROUP_SQL}
SELECT idx, version FROM upd, live`;
const GROUP_SQL_WITH_JOBS = `${GROUP_SQL}, ${JOBS_CTE("$6", "(SELECT idx FROM upd)")}
SELECT idx, version FROM upd, notified, live`;

async function writeGroup(pool: pg.Pool, group: TransitionRecord[]): Promise<(number | null)[]> {
  const inputs = group.map(
    ({ visitRows, decisionRows, auditRows, actionRunRows, jobRows, ...columns }, idx) => ({
      idx,
      ...columns,
    }),
  );
  const runs = group.flatMap((r, idx) =>
    r.actionRunRows.map((run) => ({ idx, request_id: r.id, ...run })),
  );
  const jobs = group.flatMap((r, idx) => r.jobRows.map((j) => ({ idx, ...jobJson(j) })));
  const visits = group.flatMap((r, idx) =>
    r.visitRows.map((v) => ({ idx, request_id: r.id, ...v })),
  );
  const decisions = group.flatMap((r, idx) =>
    r.decisionRows.map((d) => ({ idx, request_id: r.id, created_at: r.updated_at, ...d })),
  );
  const audit = group.flatMap((r, idx) =>
    r.auditRows.map((a) => ({ idx, request_id: r.id, ...a })),
  );
  const values = [
    JSON.stringify(inputs),
    JSON.stringify(visits),
    JSON.stringify(decisions),
    JSON.stringify(audit),
    JSON.stringify(runs),
  ];
  const result = await pool.query<{ idx: number; version: number }>(
    jobs.length
      ? {
          name: "persist_transitions_jobs",
          text: GROUP_SQL_WITH_JOBS,
          values: [...values, JSON.stringify(jobs)],
        }
      : { name: "persist_transitions", text: GROUP_SQL_PLAIN, values },
  );
  const versions = new Map(result.rows.map((row) => [row.idx, row.version]));
  return group.map((_, idx) => versions.get(idx) ?? null);
}

// ─── the queue ───────────────────────────────────────────────────────────────────────────────────

/**
 * Write statements in flight at once, per process. One is best measured (decisions/s with 32
 * workers: 1 → 3,691; 2 → 2,587; 3 → 3,168): the longer a group waits, the more it carries, and
 * commits are what cost. The price is head-of-line waiting: a group whose row is locked (e.g. by
 * an SLA sweep batch, ~50 ms) holds up the writes queued behind it.
 */
const MAX_IN_FLIGHT = 1;
/** The most transitions one statement carries. */
const MAX_GROUP = 64;

interface Pending {
  record: TransitionRecord;
  resolve: (version: number | null) => void;
  reject: (error: unknown) => void;
}

/** Counters for tests and the benchmark: how many statements carried how many writes. */
export interface WriterStats {
  /** Statements that carried one write. */
  single: number;
  /** Statements that carried a group, and the writes they carried. */
  groups: number;
  grouped: number;
  /** Groups whose statement failed, so that each member was retried alone. */
  fallbacks: number;
}

class TransitionWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  readonly stats: WriterStats = { single: 0, groups: 0, grouped: 0, fallbacks: 0 };

  constructor(private readonly pool: pg.Pool) {}

  write(record: TransitionRecord): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const group = this.take();
      this.inFlight += 1;
      void this.run(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** The oldest queued writes, at most one per request and MAX_GROUP in all. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const ids = new Set<string>();
    for (const pending of this.queue) {
      if (group.length < MAX_GROUP && !ids.has(pending.record.id)) {
        ids.add(pending.record.id);
        group.push(pending);
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    return group;
  }

  private async run(group: Pending[]): Promise<void> {
    // A lone write is a group of one; a failed group is retried one write at a time.
    if (group.length > 1) {
      try {
        const versions = await writeGroup(
          this.pool,
          group.map((p) => p.record),
        );
        this.stats.groups += 1;
        this.stats.grouped += group.length;
        for (const [index, pending] of group.entries()) pending.resolve(versions[index] ?? null);
        return;
      } catch {
        // Nothing of the group was written: each member is tried alone below.
        this.stats.fallbacks += 1;
      }
    }
    await Promise.all(
      group.map(async (pending) => {
        this.stats.single += 1;
        try {
          const [version] = await writeGroup(this.pool, [pending.record]);
          pending.resolve(version ?? null);
        } catch (error) {
          pending.reject(error);
        }
      }),
    );
  }
}

// The writer travels on the pool (like the pool on the client): Next.js bundles this module into
// several chunks, and a module-local map would not be shared between them.
const WRITER = Symbol.for("flowgate.db.transitionWriter");

function writerOf(pool: pg.Pool): TransitionWriter {
  const holder = pool as pg.Pool & { [WRITER]?: TransitionWriter };
  holder[WRITER] ??= new TransitionWriter(pool);
  return holder[WRITER];
}

/** Writes one transition (grouped with others that arrive meanwhile); the new version, or null. */
export function writeTransition(pool: pg.Pool, record: TransitionRecord): Promise<number | null> {
  return writerOf(pool).write(record);
}

/** A copy of the pool's writer counters. */
export function writerStats(pool: pg.Pool): WriterStats {
  return { ...writerOf(pool).stats };
}
