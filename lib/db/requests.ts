/**
 * Requests as the engine sees them (RequestState), loaded and stored in as few round trips as the
 * hot paths allow: one query loads a request with its audit head; one statement writes a
 * transition (state, run log, decision, audit) guarded by the request's version, so it is atomic
 * and of two concurrent writers exactly one wins.
 */

import { randomUUID } from "node:crypto";
import type {
  ActiveStep,
  AuditEntry,
  Quorum,
  RequestState,
  RequestStatus,
  RequestType,
  Role,
  Transition,
} from "@/lib/engine";
import { ActionSchema, actionHash, RequestFieldsSchema, toJson } from "@/lib/engine";
import { isUuid } from "@/lib/ids";
import { jobRequest } from "@/lib/jobs/catalog";
import { actionJob, jobsForTransition, type QueuedJob } from "@/lib/jobs/from-transition";
import { type AuditHead, chainEntries, INSERT_AUDIT_ROWS, requestStream } from "./audit";
import { type Db, poolOf } from "./client";
import { groupedRead } from "./grouped-read";
import { preparedQuery } from "./sql";
import { JOBS_CTE, jobJson, writeTransition } from "./transition-writer";

export interface LoadedRequest {
  state: RequestState;
  version: number;
  workflowId: string | null;
  title: string;
  auditHead: AuditHead | null;
  /** Overall confidence of the latest AI suggestion, if there is one. */
  enrichmentConfidence: number | null;
  confirmedAt: Date | null;
  /** Opened by an approval node of a graph run, which goes on when the request ends. */
  inRun: boolean;
}

/** Columns read for a transition (enums and uuid[] as text: the driver adapter maps those). */
export const REQUEST_COLUMNS = `
  r.id::text AS id, r.type::text AS type, r.status::text AS status, r.requester_id::text AS requester_id,
  r.department_id::text AS department_id, r.round, r.fields, r.action, r.current_node_id, r.visits,
  r.version, r.workflow_id::text AS workflow_id, r.title,
  r.step_node_id, r.step_role::text AS step_role, r.step_department_id::text AS step_department_id,
  r.step_quorum, r.step_approvals::text[] AS step_approvals, r.step_started_at, r.step_due_at,
  r.step_escalated_at, r.step_escalate_to::text AS step_escalate_to, r.step_visit_id::text AS step_visit_id,
  r.audit_seq, r.audit_hash,
  (r.enrichment->>'confidence')::float8 AS enrichment_confidence, r.confirmed_at,
  EXISTS (SELECT 1 FROM run_approvals ra WHERE ra.request_id = r.id) AS in_run`;

export interface RequestRow {
  id: string;
  type: string;
  status: string;
  requester_id: string;
  department_id: string | null;
  round: number;
  fields: unknown;
  action: unknown;
  current_node_id: string | null;
  visits: unknown;
  version: number;
  workflow_id: string | null;
  title: string;
  step_node_id: string | null;
  step_role: string | null;
  step_department_id: string | null;
  step_quorum: unknown;
  step_approvals: string[] | null;
  step_started_at: Date | null;
  step_due_at: Date | null;
  step_escalated_at: Date | null;
  step_escalate_to: string | null;
  step_visit_id: string | null;
  audit_seq: number;
  audit_hash: string | null;
  enrichment_confidence: number | null;
  confirmed_at: Date | null;
  in_run: boolean;
}

export function toLoaded(row: RequestRow): LoadedRequest {
  const step: ActiveStep | null =
    row.step_node_id &&
    row.step_role &&
    row.step_due_at &&
    row.step_started_at &&
    row.step_escalate_to &&
    row.step_visit_id
      ? {
          nodeId: row.step_node_id,
          role: row.step_role as Role,
          departmentId: row.step_department_id,
          quorum: (row.step_quorum ?? "any") as Quorum,
          approvals: row.step_approvals ?? [],
          startedAt: row.step_started_at,
          dueAt: row.step_due_at,
          escalatedAt: row.step_escalated_at,
          escalateTo: row.step_escalate_to as Role,
          visitId: row.step_visit_id,
        }
      : null;
  return {
    state: {
      id: row.id,
      type: row.type as RequestType,
      status: row.status as RequestStatus,
      requesterId: row.requester_id,
      departmentId: row.department_id,
      round: row.round,
      fields: RequestFieldsSchema.parse(row.fields ?? {}),
      action: row.action ? ActionSchema.parse(row.action) : null,
      currentNodeId: row.current_node_id,
      visits: (row.visits ?? {}) as Record<string, number>,
      step,
    },
    version: row.version,
    workflowId: row.workflow_id,
    title: row.title,
    auditHead:
      row.audit_seq !== null && row.audit_hash !== null
        ? { seq: row.audit_seq, hash: row.audit_hash }
        : null,
    enrichmentConfidence: row.enrichment_confidence,
    confirmedAt: row.confirmed_at,
    inRun: row.in_run === true,
  };
}

export async function loadRequest(db: Db, id: string): Promise<LoadedRequest | null> {
  if (!isUuid(id)) return null; // not an id at all: no such request (and no query)
  const row = await readRequest(poolOf(db), id);
  return row ? toLoaded(row) : null;
}

/**
 * Every decision and edit loads its request first: loads that arrive together share one statement
 * (grouped-read.ts). A load is always sent after it was asked for, so it sees every write its
 * caller finished before.
 */
const readRequest = groupedRead(async (pool, ids: string[]): Promise<(RequestRow | null)[]> => {
  const { rows } = await pool.query<RequestRow & { n: string }>({
    name: "load_request_group",
    text: `SELECT q.n, ${REQUEST_COLUMNS}
             FROM unnest($1::uuid[]) WITH ORDINALITY AS q(id, n) JOIN requests r ON r.id = q.id`,
    values: [ids],
  });
  const answers: (RequestRow | null)[] = ids.map(() => null);
  for (const row of rows) answers[Number(row.n) - 1] = row;
  return answers;
});

const TERMINAL = new Set<RequestStatus>(["APPROVED", "REJECTED", "CANCELLED"]);

/** Columns outside the engine's state that a transition may also set. */
export interface PersistDetails {
  /** A new AI suggestion (or its failure) to store with the transition. */
  enrichment?: { value: unknown; error: string | null };
  /** The requester confirmed the fields now. */
  confirmed?: boolean;
  /** What the submission's routing check found (replaces the stored list; lib/services/routing-check.ts). */
  routingWarnings?: string[];
  /** More jobs to queue with the transition (a hosted AI's reading that comes later). */
  jobs?: QueuedJob[];
}

/**
 * Writes a transition of `loaded` atomically (state, run log, decision, audit; one statement, on
 * its own or grouped with concurrent ones: see transition-writer.ts). Returns the new version, or
 * null when the request's version moved on meanwhile (someone else won): then nothing at all was
 * written.
 */
export async function persistTransition(
  db: Db,
  loaded: LoadedRequest,
  transition: Transition,
  now: Date,
  workflowId: string | null,
  details: PersistDetails = {},
): Promise<number | null> {
  const { state } = transition;
  const stream = requestStream(state.id);
  const audit = chainEntries(stream, loaded.auditHead, transition.audit, now);
  // Each approved action becomes an outbox row, keyed by request, round and the action's node
  // visit, and the job that runs it.
  const actionRuns = transition.effects.flatMap((effect) =>
    effect.type === "run_action"
      ? [
          {
            id: randomUUID(),
            round: state.round,
            node_id: effect.nodeId,
            idempotency_key: `${state.id}:${state.round}:${effect.visitId}`,
            tool: effect.action.tool,
            params: effect.action.params,
            action_hash: actionHash(effect.action),
            queued_at: now.toISOString(),
          },
        ]
      : [],
  );
  const jobs = [
    ...jobsForTransition(
      state.id,
      transition,
      audit.map((a) => a.seq),
    ),
    ...actionRuns.map((run) => actionJob(run.id)),
    ...(details.jobs ?? []),
    // A request a graph run waits on: the run goes on once it has ended (lib/services/runs).
    ...(loaded.inRun && TERMINAL.has(state.status) && !TERMINAL.has(loaded.state.status)
      ? [jobRequest("run:resume", { requestId: state.id })]
      : []),
  ];
  const submitted = transition.audit.some(
    (a) => a.action === "SUBMITTED" || a.action === "RESUBMITTED",
  );
  const visits = transition.visits.map((v) => ({
    id: v.id,
    round: state.round,
    node_id: v.nodeId,
    kind: v.kind,
    started_at: v.startedAt.toISOString(),
    ended_at: v.endedAt?.toISOString() ?? null,
    duration_ms: v.endedAt ? v.endedAt.getTime() - v.startedAt.getTime() : null,
    outcome: v.outcome,
    error: v.error,
  }));
  const decisions = transition.decision?.actorId
    ? [
        {
          id: randomUUID(),
          round: transition.decision.round,
          node_id: transition.decision.nodeId,
          kind: transition.decision.kind,
          actor_id: transition.decision.actorId,
          comment: transition.decision.comment,
        },
      ]
    : [];
  const step = state.step;
  return writeTransition(poolOf(db), {
    id: state.id,
    expected: loaded.version,
    status: state.status,
    current_node_id: state.currentNodeId,
    round: state.round,
    visits: state.visits,
    fields: state.fields,
    action: state.action,
    workflow_id: workflowId,
    step_node_id: step?.nodeId ?? null,
    step_role: step?.role ?? null,
    step_department_id: step?.departmentId ?? null,
    step_quorum: step ? step.quorum : null,
    step_approvals: step?.approvals ?? [],
    step_started_at: step?.startedAt ?? null,
    step_due_at: step?.dueAt ?? null,
    step_escalated_at: step?.escalatedAt ?? null,
    step_escalate_to: step?.escalateTo ?? null,
    step_visit_id: step?.visitId ?? null,
    submitted_at: submitted ? now : null,
    completed_at: TERMINAL.has(state.status) ? now : null,
    updated_at: now,
    audit_seq: audit.at(-1)?.seq ?? null,
    audit_hash: audit.at(-1)?.hash ?? null,
    set_enrichment: details.enrichment !== undefined,
    enrichment: details.enrichment?.value ?? null,
    enrichment_error: details.enrichment?.error ?? null,
    set_confirmed: details.confirmed === true,
    confirmed_at: details.confirmed ? now : null,
    set_routing_warnings: details.routingWarnings !== undefined,
    routing_warnings: details.routingWarnings ?? [],
    type: state.type,
    prev_queue: loaded.state.step
      ? `${loaded.state.step.role}:${loaded.state.step.departmentId ?? ""}`
      : null,
    visitRows: visits,
    decisionRows: decisions,
    auditRows: audit,
    actionRunRows: actionRuns,
    jobRows: jobs,
  });
}

export interface NewDraft {
  /** Audit entries after CREATED (e.g. the AI's ENRICHED), in order. */
  extraAudit?: AuditEntry[];
  enrichment?: unknown;
  enrichmentError?: string | null;
  /** The requester confirmed the type and fields as they are (the form, not the AI, set them). */
  confirmed?: boolean;
  id?: string;
  type: RequestType;
  title: string;
  description: string;
  fields: RequestState["fields"];
  action: RequestState["action"];
  requesterId: string;
  departmentId: string | null;
  /** Jobs to queue with the draft (a hosted AI's reading that comes later), only if it is stored. */
  jobs?: QueuedJob[];
}

const INSERT_DRAFT_SQL = `WITH ins AS (
       INSERT INTO requests (id, type, title, description, fields, action, status, requester_id, department_id,
                             created_at, updated_at, version, audit_seq, audit_hash, enrichment, enrichment_error, confirmed_at)
       VALUES ($1::uuid, $2::"RequestType", $3, $4, $5::jsonb, $6::jsonb, 'DRAFT', $7::uuid, $8::uuid, $9, $9, 1, $12, $11, $13::jsonb, $14, $15)
       RETURNING id, number
     ), audited AS (${INSERT_AUDIT_ROWS("$10", "(SELECT id FROM ins)", "")})`;
const INSERT_DRAFT_PLAIN = `${INSERT_DRAFT_SQL}
     SELECT id::text AS id, number FROM ins`;
/** With the jobs the new draft sets going (as JSON rows whose idx is 0), in the same statement. */
const INSERT_DRAFT_WITH_JOBS = `${INSERT_DRAFT_SQL}, ${JOBS_CTE("$16", "(SELECT 0 FROM ins)")}
     SELECT id::text AS id, number FROM ins, notified`;

/** Inserts a DRAFT and its CREATED audit event in one statement. */
export async function insertDraft(
  db: Db,
  draft: NewDraft,
  now: Date,
): Promise<{ id: string; number: number }> {
  const id = draft.id ?? randomUUID();
  const entry: AuditEntry = {
    action: "CREATED",
    actor: { type: "USER", id: draft.requesterId },
    fromStatus: null,
    toStatus: "DRAFT",
    data: {
      type: draft.type,
      title: draft.title,
      fields: toJson(draft.fields),
      ...(draft.action ? { action: toJson(draft.action) } : {}),
    },
  };
  const audit = chainEntries(requestStream(id), null, [entry, ...(draft.extraAudit ?? [])], now);
  const jobs = (draft.jobs ?? []).map((job) => ({ idx: 0, ...jobJson(job) }));
  const rows = await preparedQuery<{ id: string; number: number }>(
    db,
    jobs.length ? "insert_draft_jobs" : "insert_draft",
    jobs.length ? INSERT_DRAFT_WITH_JOBS : INSERT_DRAFT_PLAIN,
    [
      id,
      draft.type,
      draft.title,
      draft.description,
      JSON.stringify(draft.fields),
      draft.action ? JSON.stringify(draft.action) : null,
      draft.requesterId,
      draft.departmentId,
      now,
      JSON.stringify(audit),
      audit.at(-1)?.hash ?? null,
      audit.length,
      draft.enrichment === undefined ? null : JSON.stringify(draft.enrichment),
      draft.enrichmentError ?? null,
      draft.confirmed ? now : null,
      ...(jobs.length ? [JSON.stringify(jobs)] : []),
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}
