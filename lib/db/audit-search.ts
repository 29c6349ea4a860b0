/**
 * The audit explorer's reads: every audit event, newest first, narrowed by filters, a page at a
 * time. Keyset paging on (created_at, stream, seq) — the order of audit_events_time_idx — keeps
 * the ten-thousandth page as cheap as the first; `npm run bench:audit` measures it at 1,000,000
 * events.
 *
 * Each filter becomes a condition only when set (a statement per combination, so PostgreSQL plans
 * each with the indexes that serve it: time, actor, action, or a request's stream for FG numbers).
 * Request filters (type, status, department, text) are about the request as it is now: "the
 * events of rejected procurement requests in Finance"; text matches the request's title and
 * description (a trigram index), and people's events by the name or email of whom they are about.
 */

import type { JsonValue, RequestStatus, RequestType } from "@/lib/engine";
import { type AuditAction, isAuditAction } from "@/lib/engine/audit-events";
import type { Db } from "./client";
import { poolOf } from "./client";

/**
 * The actions most of the trail is made of, left out of the partial action index (migration
 * 20261202100000_audit_explorer) so the busiest writers — the SLA sweep, decisions — pay for one
 * index less; a search for one of them walks the time index instead.
 */
export const COMMON_ACTIONS: readonly AuditAction[] = [
  "CREATED",
  "ENRICHED",
  "UPDATED",
  "SUBMITTED",
  "STEP_STARTED",
  "APPROVED",
  "COMPLETED",
  "SLA_ESCALATED",
  "ACTION_QUEUED",
  "ACTION_EXECUTED",
];

export interface AuditFilters {
  /** Events at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** Who acted (a person; decisions made for someone else are found under the delegate). */
  actorId?: string;
  action?: AuditAction;
  type?: RequestType;
  status?: RequestStatus;
  departmentId?: string;
  /** The request FG-<number>. */
  number?: number;
  /** A person's stream (their account's events), by user id. */
  userId?: string;
  text?: string;
}

export interface AuditCursor {
  at: Date;
  stream: string;
  seq: number;
}

export interface AuditEventRow {
  stream: string;
  seq: number;
  requestId: string | null;
  number: number | null;
  title: string | null;
  /** For people streams: whom the event is about. */
  subject: string | null;
  actorType: "USER" | "SYSTEM" | "AI";
  actorId: string | null;
  actorName: string | null;
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
  action: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  data: JsonValue;
  createdAt: Date;
  prevHash: string | null;
  hash: string;
}

interface Row {
  stream: string;
  seq: number;
  request_id: string | null;
  number: number | null;
  title: string | null;
  subject: string | null;
  actor_type: AuditEventRow["actorType"];
  actor_id: string | null;
  actor_name: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  action: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  data: JsonValue;
  created_at: Date;
  prev_hash: string | null;
  hash: string;
}

const SELECT = `
  SELECT e.stream, e.seq, e.request_id, r.number, r.title,
         COALESCE(su.name, sd.name) AS subject,
         e.actor_type, e.actor_id, au.name AS actor_name,
         e.on_behalf_of_id, bu.name AS on_behalf_of_name,
         e.action, e.from_status, e.to_status, e.data, e.created_at, e.prev_hash, e.hash
  FROM page e
  LEFT JOIN requests r ON r.id = e.request_id
  LEFT JOIN users au ON au.id = e.actor_id
  LEFT JOIN users bu ON bu.id = e.on_behalf_of_id
  LEFT JOIN users su
    ON su.id = CASE WHEN e.stream LIKE 'user:%' THEN substr(e.stream, 6)::uuid END
  LEFT JOIN departments sd
    ON sd.id = CASE WHEN e.stream LIKE 'department:%' THEN substr(e.stream, 12)::uuid END`;

const ORDER = {
  desc: { by: "e.created_at DESC, e.stream DESC, e.seq DESC", after: "<" },
  asc: { by: "e.created_at, e.stream, e.seq", after: ">" },
} as const;

/** Escapes LIKE's wildcards so text is matched as written. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of events (newest first; oldest first for exports) and the cursor of the next page, if
 * there is one.
 */
export async function searchAuditEvents(
  db: Db,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  limit = 50,
  direction: keyof typeof ORDER = "desc",
): Promise<{ events: AuditEventRow[]; next: AuditCursor | null }> {
  const pool = poolOf(db);
  const plan = await requestPlan(db, filters);
  const { text, values } = auditSearchSql(filters, cursor, limit, direction, plan);
  const rows = (await pool.query<Row>(text, values)).rows;
  const events = rows.slice(0, limit).map(toEvent);
  const last = events.at(-1);
  return {
    events,
    next:
      rows.length > limit && last
        ? { at: last.createdAt, stream: last.stream, seq: last.seq }
        : null,
  };
}

/**
 * How to find the events of the requests the filters match: by each one's stream when they are
 * few; by walking the time index and testing each event's request against their ids when there
 * are more; by walking it and checking each event's request when they are many (a page then fills
 * after about 50 / (their share) events).
 */
export async function requestPlan(db: Db, filters: AuditFilters): Promise<RequestPlan> {
  if (!hasRequestFilters(filters)) return { kind: "none" };
  const conditions = requestConditions(filters, []);
  // Reading m requests' streams costs ~10·m events; walking the time index ~50·N/m: even at
  // m ≈ √(5N), N the planner's estimate of the table (no count of it). Up to that many, their
  // streams are read here once and handed to the search (which then need not search again).
  const threshold = Math.floor(
    Math.min(IDS_UP_TO, Math.max(200, Math.sqrt(5 * (await estimatedRequests(db))))),
  );
  const { rows } = await poolOf(db).query<{ id: string }>(
    `SELECT q.id FROM requests q WHERE ${conditions.sql} LIMIT ${IDS_UP_TO + 1}`,
    conditions.values,
  );
  // Many: walk the time index checking each event's request (the page fills soon).
  if (rows.length > IDS_UP_TO) return { kind: "scan" };
  // Between: walk the time index testing each event's request against the ids (a hashed list).
  if (rows.length > threshold) return { kind: "ids", ids: rows.map((row) => row.id) };
  const streams = rows.map((row) => `request:${row.id}`);
  // Text alone also finds people's own streams, by name or email.
  const text = onlyText(filters);
  if (text) {
    const people = await poolOf(db).query<{ stream: string }>(
      "SELECT 'user:' || id AS stream FROM users WHERE (name || ' ' || email) ILIKE $1",
      [likePattern(text)],
    );
    streams.push(...people.rows.map((row) => row.stream));
  }
  return { kind: "streams", streams };
}

/** Up to this many matching requests, their ids are handed to the search as a list. */
const IDS_UP_TO = 5_000;

async function estimatedRequests(db: Db): Promise<number> {
  const { rows } = await poolOf(db).query<{ n: number }>(
    "SELECT GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'requests'::regclass",
  );
  return rows[0]?.n ?? 0;
}

export type RequestPlan =
  | { kind: "none" }
  | { kind: "streams"; streams: string[] }
  | { kind: "ids"; ids: string[] }
  | { kind: "scan" };

/** The text, when it is the only request filter (it then finds people's streams too). */
function onlyText(filters: AuditFilters): string | null {
  const text = filters.text?.trim();
  return text &&
    filters.number === undefined &&
    !filters.type &&
    !filters.status &&
    !filters.departmentId
    ? text
    : null;
}

const hasRequestFilters = (filters: AuditFilters) =>
  filters.number !== undefined ||
  Boolean(filters.type || filters.status || filters.departmentId || filters.text?.trim());

/** The request filters as conditions on requests `q`, with their parameters appended to `values`. */
function requestConditions(
  filters: AuditFilters,
  values: unknown[],
): { sql: string; values: unknown[] } {
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (filters.number !== undefined) where.push(`q.number = ${param(filters.number)}`);
  if (filters.type) where.push(`q.type = ${param(filters.type)}::"RequestType"`);
  if (filters.status) where.push(`q.status = ${param(filters.status)}::"RequestStatus"`);
  if (filters.departmentId) where.push(`q.department_id = ${param(filters.departmentId)}::uuid`);
  const text = filters.text?.trim();
  if (text) where.push(`(q.title || ' ' || q.description) ILIKE ${param(likePattern(text))}`);
  return { sql: where.join(" AND "), values };
}

/** The statement searchAuditEvents runs (the bench explains it). */
export function auditSearchSql(
  filters: AuditFilters,
  cursor: AuditCursor | null,
  limit: number,
  direction: keyof typeof ORDER = "desc",
  plan: RequestPlan = hasRequestFilters(filters) ? { kind: "scan" } : { kind: "none" },
): { text: string; values: unknown[] } {
  const order = ORDER[direction];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];
  // Streams mode: the source below reads only the matching streams (people's included).
  if (plan.kind === "scan" || plan.kind === "ids") {
    // A list of ids (PostgreSQL hashes a constant array), or a scalar subquery per event (not a
    // semi-join, which the planner would hash over every event).
    const ofRequests =
      plan.kind === "ids"
        ? `e.request_id = ANY(${param(plan.ids)}::uuid[])`
        : `COALESCE((SELECT true FROM requests q WHERE q.id = e.request_id AND ${requestConditions(filters, values).sql}), false)`;
    const text = onlyText(filters);
    where.push(
      text
        ? `(${ofRequests} OR e.stream = ANY(ARRAY(SELECT 'user:' || p.id FROM users p WHERE (p.name || ' ' || p.email) ILIKE ${param(likePattern(text))})))`
        : ofRequests,
    );
  }
  if (filters.userId) where.push(`e.stream = 'user:' || ${param(filters.userId)}`);
  if (filters.from) where.push(`e.created_at >= ${param(filters.from)}`);
  if (filters.to) where.push(`e.created_at < ${param(filters.to)}`);
  if (filters.actorId) where.push(`e.actor_id = ${param(filters.actorId)}::uuid`);
  // A literal (one of the known actions, checked): the planner then sees whether the partial
  // action index holds it (COMMON_ACTIONS are not in it: the time index serves them).
  if (filters.action && isAuditAction(filters.action)) where.push(`e.action = '${filters.action}'`);
  if (cursor) {
    // The indexes hold the time alone (narrow: cheaper for every writer); the bound on it is what
    // they serve, and the row comparison settles ties (an incremental sort within a timestamp).
    const at = param(cursor.at);
    where.push(
      `e.created_at ${order.after}= ${at}`,
      `(e.created_at, e.stream, e.seq) ${order.after} (${at}, ${param(cursor.stream)}, ${param(cursor.seq)})`,
    );
  }
  // The few requests' streams are read by primary key first (OFFSET 0 keeps the other conditions
  // out of that scan): otherwise the planner may walk the time index from the cursor, testing each
  // event's stream against the list.
  const source =
    plan.kind === "streams"
      ? `(SELECT * FROM audit_events WHERE stream = ANY(${param(plan.streams)}::text[]) OFFSET 0)`
      : "audit_events";
  const sql = `
    WITH page AS (
      SELECT * FROM ${source} e
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY ${order.by}
      LIMIT ${param(limit + 1)}
    )
    ${SELECT}
    ORDER BY ${order.by}`;
  return { text: sql, values };
}

/** One event with its neighbours' hashes (the event page). */
export async function auditEventAt(
  db: Db,
  stream: string,
  seq: number,
): Promise<{ event: AuditEventRow; previousHash: string | null; hasNext: boolean } | null> {
  const rows = (
    await poolOf(db).query<Row & { previous_hash: string | null; has_next: boolean }>(
      `WITH page AS (SELECT * FROM audit_events WHERE stream = $1 AND seq = $2)
       SELECT p.*,
              (SELECT hash FROM audit_events WHERE stream = $1 AND seq = $2 - 1) AS previous_hash,
              EXISTS (SELECT 1 FROM audit_events WHERE stream = $1 AND seq = $2 + 1) AS has_next
       FROM (${SELECT}) p`,
      [stream, seq],
    )
  ).rows;
  const row = rows[0];
  if (!row) return null;
  return { event: toEvent(row), previousHash: row.previous_hash, hasNext: row.has_next };
}

function toEvent(row: Row): AuditEventRow {
  return {
    stream: row.stream,
    seq: row.seq,
    requestId: row.request_id,
    number: row.number,
    title: row.title,
    subject: row.subject,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    onBehalfOfId: row.on_behalf_of_id,
    onBehalfOfName: row.on_behalf_of_name,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    data: row.data,
    createdAt: row.created_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
