/**
 * The audit streams of people and departments ("user:<id>", "department:<id>"): what
 * administrators did to accounts, roles and departments, hash-chained like a request's events.
 * A change and its event are written in one transaction, the subject's row locked meanwhile so
 * two changes to one person chain one after the other.
 */
import type pg from "pg";
import type { AuditEntry } from "@/lib/engine";
import { chainEntries } from "./audit";
import type { Db } from "./client";
import { poolOf } from "./client";

export const userStream = (userId: string) => `user:${userId}`;
export const departmentStream = (departmentId: string) => `department:${departmentId}`;

export type PeopleEntry = Omit<AuditEntry, "fromStatus" | "toStatus">;

/**
 * Appends `entries` to `stream` inside `client`'s transaction. The caller has locked the subject's
 * row (SELECT … FOR UPDATE), so the head read here is the head the events chain onto.
 */
export async function appendPeopleEvents(
  client: pg.PoolClient,
  stream: string,
  entries: readonly PeopleEntry[],
  now: Date,
): Promise<void> {
  const head = (
    await client.query<{ seq: number; hash: string }>(
      "SELECT seq, hash FROM audit_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1",
      [stream],
    )
  ).rows[0];
  const rows = chainEntries(
    stream,
    head ?? null,
    entries.map((entry) => ({ ...entry, fromStatus: null, toStatus: null }) as AuditEntry),
    now,
  );
  for (const row of rows) {
    await client.query(
      `INSERT INTO audit_events (stream, seq, request_id, actor_type, actor_id, on_behalf_of_id, action,
                                 from_status, to_status, data, created_at, prev_hash, hash)
       VALUES ($1, $2, NULL, $3::"ActorType", $4::uuid, $5::uuid, $6, NULL, NULL, $7::jsonb, $8, $9, $10)`,
      [
        row.stream,
        row.seq,
        row.actor_type,
        row.actor_id,
        row.on_behalf_of_id,
        row.action,
        JSON.stringify(row.data),
        row.created_at,
        row.prev_hash,
        row.hash,
      ],
    );
  }
}

/** Runs `work` in a transaction on the shared pool. */
export async function inTransaction<T>(
  db: Db,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await poolOf(db).connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The ids of everyone and every department that has an audit stream (for verification). */
export async function peopleStreams(db: Db): Promise<string[]> {
  const { rows } = await poolOf(db).query<{ stream: string }>(
    `SELECT s.stream FROM (
       SELECT 'user:' || id AS stream FROM users
       UNION ALL SELECT 'department:' || id FROM departments
     ) s
     WHERE EXISTS (SELECT 1 FROM audit_events e WHERE e.stream = s.stream)
     ORDER BY s.stream`,
  );
  return rows.map((row) => row.stream);
}
