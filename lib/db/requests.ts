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
import { ActionSchema, RequestFieldsSchema, toJson } from "@/lib/engine";
import { type AuditHead, chainEntries, INSERT_AUDIT_ROWS, requestStream } from "./audit";
import type { Db } from "./client";
import { preparedQuery } from "./sql";

export interface LoadedRequest {
  state: RequestState;
  version: number;
  workflowId: string | null;
  title: string;
  auditHead: AuditHead | null;
  /** Overall confidence of the latest AI suggestion, if there is one. */
  enrichmentConfidence: number | null;
  confirmedAt: Date | null;
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
  (r.enrichment->>'confidence')::float8 AS enrichment_confidence, r.confirmed_at`;

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
  };
}

const LOAD_SQL = `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.id = $1::uuid`;

export async function loadRequest(db: Db, id: string): Promise<LoadedRequest | null> {
  const rows = await preparedQuery<RequestRow>(db, "load_request", LOAD_SQL, [id]);
  return rows[0] ? toLoaded(rows[0]) : null;
}

/** The request columns a state maps to, in the order of STATE_SET below ($3…$19). */
function stateParams(state: RequestState, workflowId: string | null) {
  const step = state.step;
  return [
    state.status,
    state.currentNodeId,
    state.round,
    JSON.stringify(state.visits),
    JSON.stringify(state.fields),
    state.action ? JSON.stringify(state.action) : null,
    workflowId,
    step?.nodeId ?? null,
    step?.role ?? null,
    step?.departmentId ?? null,
    step ? JSON.stringify(step.quorum) : null,
    step?.approvals ?? [],
    step?.startedAt ?? null,
    step?.dueAt ?? null,
    step?.escalatedAt ?? null,
    step?.escalateTo ?? null,
    step?.visitId ?? null,
  ];
}

const STATE_SET = `
  status = $3::"RequestStatus", current_node_id = $4, round = $5, visits = $6::jsonb, fields = $7::jsonb,
  action = $8::jsonb, workflow_id = $9::uuid, step_node_id = $10, step_role = $11::"Role",
  step_department_id = $12::uuid, step_quorum = $13::jsonb, step_approvals = $14::uuid[],
  step_started_at = $15, step_due_at = $16, step_escalated_at = $17, step_escalate_to = $18::"Role",
  step_visit_id = $19::uuid`;

const PERSIST_SQL = `
WITH upd AS (
  UPDATE requests SET ${STATE_SET},
    submitted_at = COALESCE($20, submitted_at), completed_at = $21, updated_at = $22, version = version + 1,
    audit_seq = COALESCE($26, audit_seq), audit_hash = COALESCE($27, audit_hash),
    enrichment = CASE WHEN $28::boolean THEN $29::jsonb ELSE enrichment END,
    enrichment_error = CASE WHEN $28::boolean THEN $30 ELSE enrichment_error END,
    confirmed_at = CASE WHEN $31::boolean THEN $32::timestamptz ELSE confirmed_at END,
    type = $33::"RequestType"
  WHERE id = $1::uuid AND version = $2
  RETURNING version
), visits AS (
  INSERT INTO node_visits (id, request_id, round, node_id, kind, started_at, ended_at, duration_ms, outcome, error)
  SELECT v.id, $1::uuid, v.round, v.node_id, v.kind, v.started_at, v.ended_at, v.duration_ms, v.outcome, v.error
  FROM jsonb_to_recordset($23::jsonb) AS v(id uuid, round int, node_id text, kind text, started_at timestamptz,
       ended_at timestamptz, duration_ms int, outcome text, error text)
  WHERE EXISTS (SELECT 1 FROM upd)
  RETURNING id
), decided AS (
  INSERT INTO decisions (id, request_id, round, node_id, kind, actor_id, comment, created_at)
  SELECT d.id, $1::uuid, d.round, d.node_id, d.kind::"DecisionKind", d.actor_id, d.comment, $22
  FROM jsonb_to_recordset($24::jsonb) AS d(id uuid, round int, node_id text, kind text, actor_id uuid, comment text)
  WHERE EXISTS (SELECT 1 FROM upd)
  RETURNING id
), audited AS (${INSERT_AUDIT_ROWS("$25", "$1::uuid", "WHERE EXISTS (SELECT 1 FROM upd)")})
SELECT (SELECT version FROM upd) AS version`;

const TERMINAL = new Set<RequestStatus>(["APPROVED", "REJECTED", "CANCELLED"]);

/**
 * Writes a transition of `loaded` in one atomic statement. Returns the new version, or null when
 * the request's version moved on meanwhile (someone else won): then nothing at all was written.
 */
/** Columns outside the engine's state that a transition may also set. */
export interface PersistDetails {
  /** A new AI suggestion (or its failure) to store with the transition. */
  enrichment?: { value: unknown; error: string | null };
  /** The requester confirmed the fields now. */
  confirmed?: boolean;
}

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
  const rows = await preparedQuery<{ version: number | null }>(
    db,
    "persist_transition",
    PERSIST_SQL,
    [
      state.id,
      loaded.version,
      ...stateParams(state, workflowId),
      submitted ? now : null,
      TERMINAL.has(state.status) ? now : null,
      now,
      JSON.stringify(visits),
      JSON.stringify(decisions),
      JSON.stringify(audit),
      audit.at(-1)?.seq ?? null,
      audit.at(-1)?.hash ?? null,
      details.enrichment !== undefined,
      details.enrichment?.value === undefined ? null : JSON.stringify(details.enrichment.value),
      details.enrichment?.error ?? null,
      details.confirmed === true,
      details.confirmed ? now : null,
      state.type,
    ],
  );
  return rows[0]?.version ?? null;
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
}

const INSERT_DRAFT_SQL = `WITH ins AS (
       INSERT INTO requests (id, type, title, description, fields, action, status, requester_id, department_id,
                             created_at, updated_at, version, audit_seq, audit_hash, enrichment, enrichment_error, confirmed_at)
       VALUES ($1::uuid, $2::"RequestType", $3, $4, $5::jsonb, $6::jsonb, 'DRAFT', $7::uuid, $8::uuid, $9, $9, 1, $12, $11, $13::jsonb, $14, $15)
       RETURNING id, number
     ), audited AS (${INSERT_AUDIT_ROWS("$10", "(SELECT id FROM ins)", "")})
     SELECT id::text AS id, number FROM ins`;

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
  const rows = await preparedQuery<{ id: string; number: number }>(
    db,
    "insert_draft",
    INSERT_DRAFT_SQL,
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
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}
