/** Audit rows: chaining engine entries onto a stream's head, and reading a stream back. */
import type { AuditEntry, JsonValue, StoredEvent } from "@/lib/engine";
import { chainEvents } from "@/lib/engine";
import type { Db } from "./client";

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditRow {
  stream: string;
  seq: number;
  actor_type: "USER" | "SYSTEM" | "AI";
  actor_id: string | null;
  on_behalf_of_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  data: JsonValue;
  created_at: string;
  prev_hash: string | null;
  hash: string;
}

export const requestStream = (requestId: string) => `request:${requestId}`;

/** Hash-chains `entries` after `head` (null for a new stream), as audit_events rows. */
export function chainEntries(
  stream: string,
  head: AuditHead | null,
  entries: readonly AuditEntry[],
  at: Date,
): AuditRow[] {
  return chainEvents(stream, head, entries, at).map((event) => ({
    stream,
    seq: event.seq,
    actor_type: event.actorType,
    actor_id: event.actorId,
    on_behalf_of_id: event.onBehalfOfId,
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    data: event.data,
    created_at: at.toISOString(),
    prev_hash: event.prevHash,
    hash: event.hash,
  }));
}

/** SQL that inserts the rows of a `$n::jsonb` array of AuditRow (used inside larger statements). */
export const INSERT_AUDIT_ROWS = (param: string, requestIdExpr: string, guard: string) => `
  INSERT INTO audit_events (stream, seq, request_id, actor_type, actor_id, on_behalf_of_id, action,
                            from_status, to_status, data, created_at, prev_hash, hash)
  SELECT a.stream, a.seq, ${requestIdExpr}, a.actor_type::"ActorType", a.actor_id, a.on_behalf_of_id, a.action,
         a.from_status::"RequestStatus", a.to_status::"RequestStatus", a.data, a.created_at, a.prev_hash, a.hash
  FROM jsonb_to_recordset(${param}::jsonb) AS a(stream text, seq int, actor_type text, actor_id uuid,
       on_behalf_of_id uuid, action text, from_status text, to_status text, data jsonb,
       created_at timestamptz, prev_hash text, hash text)
  ${guard}
  RETURNING seq`;

export async function readStream(db: Db, stream: string): Promise<StoredEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { stream }, orderBy: { seq: "asc" } });
  return rows.map((row) => ({
    stream: row.stream,
    seq: row.seq,
    actorType: row.actorType,
    actorId: row.actorId,
    onBehalfOfId: row.onBehalfOfId,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    data: row.data as JsonValue,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
}
