/**
 * Appends one audit event to a request's chain outside a transition (an action's outcome, an AI
 * reading that landed later), inside the caller's transaction: the chain head is locked for the
 * moment (`FOR UPDATE`), the event chained onto it and inserted, the head, version and any other
 * columns set, and open pages told (NOTIFY, delivered at commit).
 */
import type pg from "pg";
import type { AuditEntry } from "@/lib/engine";
import { chainEntries, requestStream } from "./audit";
import { LIVE_NOTIFY } from "./transition-writer";

/** Columns that may be set with the event. */
export interface AppendColumns {
  enrichment?: { value: unknown; error: string | null };
}

export async function appendAudit(
  client: pg.PoolClient,
  requestId: string,
  entry: AuditEntry,
  now: Date,
  columns: AppendColumns = {},
): Promise<number> {
  const head = await client.query<{
    audit_seq: number;
    audit_hash: string | null;
    status: AuditEntry["toStatus"];
  }>("SELECT audit_seq, audit_hash, status FROM requests WHERE id = $1::uuid FOR UPDATE", [
    requestId,
  ]);
  const current = head.rows[0];
  if (!current) throw new Error(`no request ${requestId}`);
  // Events appended here never move the request: they record the status it has now (read under
  // the lock), whatever the caller saw before (a late AI reading started on a draft).
  const stamped: AuditEntry = { ...entry, fromStatus: current.status, toStatus: current.status };
  const [event] = chainEntries(
    requestStream(requestId),
    current.audit_hash ? { seq: current.audit_seq, hash: current.audit_hash } : null,
    [stamped],
    now,
  );
  if (!event) throw new Error("no audit event to append");
  await client.query(
    `INSERT INTO audit_events (stream, seq, request_id, actor_type, actor_id, on_behalf_of_id, action,
                               from_status, to_status, data, created_at, prev_hash, hash)
     VALUES ($1, $2, $3::uuid, $4::"ActorType", $5::uuid, $6::uuid, $7, $8::"RequestStatus",
             $9::"RequestStatus", $10::jsonb, $11, $12, $13)`,
    [
      event.stream,
      event.seq,
      requestId,
      event.actor_type,
      event.actor_id,
      event.on_behalf_of_id,
      event.action,
      event.from_status,
      event.to_status,
      JSON.stringify(event.data),
      event.created_at,
      event.prev_hash,
      event.hash,
    ],
  );
  const setEnrichment = columns.enrichment !== undefined;
  await client.query(
    `WITH upd AS (
       UPDATE requests SET audit_seq = $2, audit_hash = $3, version = version + 1, updated_at = $4,
         enrichment = CASE WHEN $5 THEN $6::jsonb ELSE enrichment END,
         enrichment_error = CASE WHEN $5 THEN $7 ELSE enrichment_error END
       WHERE id = $1::uuid
       RETURNING id, version, status, NULL::text AS prev_queue, NULL::text AS queue
     )
     ${LIVE_NOTIFY("upd")}`,
    [
      requestId,
      event.seq,
      event.hash,
      now,
      setEnrichment,
      setEnrichment ? JSON.stringify(columns.enrichment?.value ?? null) : null,
      columns.enrichment?.error ?? null,
    ],
  );
  return event.seq;
}

/** appendAudit in a transaction of its own. */
export async function appendAuditNow(
  pool: pg.Pool,
  requestId: string,
  entry: AuditEntry,
  now: Date,
  columns: AppendColumns = {},
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await appendAudit(client, requestId, entry, now, columns);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
