/**
 * The SLA sweep's statements, beside the transition writer: reading overdue steps page by page,
 * and writing a page of escalations (state, audit events and the jobs they set going) in one
 * statement. lib/services/escalate-overdue.ts computes each escalation with the engine.
 *
 * Escalations and their audit events go in one statement over typed arrays (unnest) sent in binary
 * (binary-array.ts): parsing the same rows from JSON cost ~7 ms per 1,000 on each side, and parsing
 * text array literals a tenth of the database's time. The events' data, which is JSON anyway,
 * comes as one JSON array, zipped with the other columns by ROWS FROM. Audit rows and the job that
 * mails the new approvers are written only for requests whose version-guarded update matched.
 */
import type pg from "pg";
import type { JsonValue } from "@/lib/engine";
import { JOB_ATTEMPTS } from "@/lib/jobs/catalog";
import { int4Array, textArray, timestamptzArray, uuidArray } from "./binary-array";
import { REQUEST_COLUMNS, type RequestRow } from "./requests";
import { LIVE_CHANNEL } from "./transition-writer";

const OVERDUE_PAGE = `SELECT ${REQUEST_COLUMNS} FROM requests r
  WHERE r.status = 'IN_REVIEW' AND r.step_due_at <= $1 AND (r.step_due_at, r.id) > ($2::timestamptz, $3::uuid)
  ORDER BY r.step_due_at, r.id LIMIT $4`;

/** Steps still on their first role and due by `now`, after `after` in (due time, id) order. */
export async function overduePage(
  pool: pg.Pool,
  now: Date,
  after: { dueAt: Date; id: string },
  limit: number,
): Promise<RequestRow[]> {
  const { rows } = await pool.query<RequestRow>({
    name: "sla_overdue_page",
    text: OVERDUE_PAGE,
    values: [now, after.dueAt, after.id, limit],
  });
  return rows;
}

const ESCALATIONS = `
WITH upd AS (
  UPDATE requests r SET
    status = 'ESCALATED', version = r.version + 1, updated_at = $1, step_escalated_at = $1,
    step_role = u.step_role::"Role", step_department_id = u.step_department_id, step_approvals = '{}',
    step_due_at = u.step_due_at, audit_seq = u.audit_seq, audit_hash = u.audit_hash
  FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::timestamptz[], $7::int[], $8::text[])
       AS u(id, version, step_role, step_department_id, step_due_at, audit_seq, audit_hash)
  WHERE r.id = u.id AND r.version = u.version
  RETURNING r.id, r.version, r.status, NULL::text AS prev_queue,
            r.step_role || ':' || COALESCE(r.step_department_id::text, '') AS queue
), audited AS (
  INSERT INTO audit_events (stream, seq, request_id, actor_type, action, from_status, to_status,
                            data, created_at, prev_hash, hash)
  SELECT 'request:' || a.request_id, a.seq, a.request_id, 'SYSTEM', a.action,
         a.from_status::"RequestStatus", a.to_status::"RequestStatus", a.data, $1, a.prev_hash, a.hash
  FROM ROWS FROM (unnest($9::uuid[]), unnest($10::int[]), unnest($11::text[]), unnest($12::text[]),
                  unnest($13::text[]), jsonb_array_elements($14::jsonb), unnest($15::text[]), unnest($16::text[]))
       AS a(request_id, seq, action, from_status, to_status, data, prev_hash, hash)
  WHERE a.request_id IN (SELECT id FROM upd)
  RETURNING 1
), queued AS (
  -- One job mails the approvers of every step this statement escalated (a page of 1,000 steps
  -- costs one job, not 1,000): it lists only the requests whose update matched.
  SELECT count(*) AS n FROM graphile_worker.add_jobs(ARRAY(
    SELECT ROW('notify:escalations', jsonb_build_object('steps', jsonb_agg(s))::json, NULL, now(),
               $18::int, NULL, NULL, NULL)::graphile_worker.job_spec
    FROM jsonb_array_elements($17::jsonb) s
    WHERE (s->>'requestId')::uuid IN (SELECT id FROM upd)
    HAVING count(*) > 0))
), live AS (
  -- Open pages hear of it (lib/live/hub.ts): the queues steps left ($19) and joined, and the
  -- requests themselves while they fit in a NOTIFY; a bigger page says "many" and pages resync.
  SELECT pg_notify('${LIVE_CHANNEL}', json_build_object(
    'r', CASE WHEN (SELECT count(*) FROM upd) <= 100
              THEN (SELECT json_agg(json_build_array(u.id, u.version, u.status)) FROM upd u) END,
    'many', (SELECT count(*) FROM upd) > 100,
    'q', (SELECT json_agg(DISTINCT q) FROM (SELECT unnest($19::text[]) AS q UNION SELECT u.queue FROM upd u) x
          WHERE q IS NOT NULL))::text)
  WHERE EXISTS (SELECT 1 FROM upd)
)
SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM audited)::int AS audited,
       (SELECT n FROM queued)::int AS queued, (SELECT count(*) FROM live)::int AS live`;

/** One page of escalations, one array per column (the shape unnest() takes). */
export interface EscalationBatch {
  requests: {
    id: string[];
    version: number[];
    role: string[];
    department: (string | null)[];
    due: Date[];
    seq: number[];
    hash: (string | null)[];
  };
  events: {
    request: string[];
    seq: number[];
    action: string[];
    from: (string | null)[];
    to: (string | null)[];
    data: JsonValue[];
    prev: (string | null)[];
    hash: string[];
  };
  /** The escalated steps, for the approvers' mail. */
  steps: { requestId: string; visitId: string; dueAt: string }[];
  /** The inbox queues ("ROLE:department id") the escalated steps left, for live updates. */
  leftQueues: Set<string>;
}

export function emptyEscalationBatch(): EscalationBatch {
  return {
    requests: { id: [], version: [], role: [], department: [], due: [], seq: [], hash: [] },
    events: { request: [], seq: [], action: [], from: [], to: [], data: [], prev: [], hash: [] },
    steps: [],
    leftQueues: new Set(),
  };
}

/** Writes the batch in one atomic statement; how many requests it escalated. */
export async function writeEscalations(
  pool: pg.Pool,
  now: Date,
  batch: EscalationBatch,
): Promise<number> {
  if (batch.requests.id.length === 0) return 0;
  const { requests: u, events: a } = batch;
  const result = await pool.query<{ updated: number }>({
    name: "sla_write",
    text: ESCALATIONS,
    values: [
      now,
      uuidArray(u.id),
      int4Array(u.version),
      textArray(u.role),
      uuidArray(u.department),
      timestamptzArray(u.due),
      int4Array(u.seq),
      textArray(u.hash),
      uuidArray(a.request),
      int4Array(a.seq),
      textArray(a.action),
      textArray(a.from),
      textArray(a.to),
      JSON.stringify(a.data),
      textArray(a.prev),
      textArray(a.hash),
      JSON.stringify(batch.steps),
      JOB_ATTEMPTS["notify:escalations"],
      [...batch.leftQueues],
    ],
  });
  return result.rows[0]?.updated ?? 0;
}
