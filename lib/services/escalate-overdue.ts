/**
 * The SLA sweep: finds steps still waiting on their first role past their due time and escalates
 * each one once (the engine's SLA_BREACH: reassigned to the step's escalation role with a fresh
 * due time, status ESCALATED, a SYSTEM audit event).
 *
 * Work goes in short batches: each claims up to `batchSize` overdue rows with FOR UPDATE SKIP
 * LOCKED, escalates them and commits. A decision racing the sweep waits for at most one batch and
 * then gets a version conflict (the step it wanted to decide was escalated); several sweepers (on
 * several machines) share the work without doing any row twice.
 */
import { randomUUID } from "node:crypto";
import { chainEntries, INSERT_AUDIT_ROWS, requestStream } from "@/lib/db/audit";
import { type Db, poolOf } from "@/lib/db/client";
import { AUDIT_HEAD_JOIN, REQUEST_COLUMNS, type RequestRow, toLoaded } from "@/lib/db/requests";
import { workflowById } from "@/lib/db/workflows";
import { transition } from "@/lib/engine";
import { log } from "@/lib/log";
import { SYSTEM } from "./actor";

export interface SweepResult {
  escalated: number;
  failed: number;
  batches: number;
}

export interface SweepOptions {
  now?: Date;
  batchSize?: number;
  /** Parallel batches (each its own transaction and connection). */
  concurrency?: number;
}

export async function escalateOverdue(db: Db, options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const total: SweepResult = { escalated: 0, failed: 0, batches: 0 };
  const worker = async () => {
    for (;;) {
      const batch = await sweepBatch(db, now, batchSize);
      total.escalated += batch.escalated;
      total.failed += batch.failed;
      if (batch.claimed > 0) total.batches += 1;
      if (batch.claimed < batchSize) return;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  return total;
}

const UPDATE_ESCALATED = `
UPDATE requests r SET
  status = 'ESCALATED', version = r.version + 1, updated_at = $2,
  step_role = u.step_role::"Role", step_department_id = u.step_department_id, step_approvals = '{}',
  step_due_at = u.step_due_at, step_escalated_at = $2
FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, version int, step_role text, step_department_id uuid, step_due_at timestamptz)
WHERE r.id = u.id AND r.version = u.version`;

const CLAIM_OVERDUE = `SELECT ${REQUEST_COLUMNS} FROM requests r ${AUDIT_HEAD_JOIN}
  WHERE r.status = 'IN_REVIEW' AND r.step_due_at <= $1
  ORDER BY r.step_due_at LIMIT $2
  FOR UPDATE OF r SKIP LOCKED`;

const INSERT_SWEEP_AUDIT = `WITH audited AS (${INSERT_AUDIT_ROWS("$1", "substring(a.stream from 9)::uuid", "")})
  SELECT count(*)::int AS n FROM audited`;

/** One batch in its own short transaction, on one pooled connection (no ORM in the loop). */
async function sweepBatch(db: Db, now: Date, batchSize: number) {
  const client = await poolOf(db).connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<RequestRow>({
      name: "sla_claim",
      text: CLAIM_OVERDUE,
      values: [now, batchSize],
    });
    const updates: unknown[] = [];
    const audit: unknown[] = [];
    let failed = 0;
    for (const row of rows) {
      const loaded = toLoaded(row);
      const workflow = loaded.workflowId ? await workflowById(db, loaded.workflowId) : null;
      const result = workflow
        ? transition({
            definition: workflow.definition,
            state: loaded.state,
            event: { type: "SLA_BREACH" },
            actor: SYSTEM,
            now,
            newId: randomUUID,
          })
        : null;
      const step = result?.ok ? result.transition.state.step : null;
      if (!result?.ok || !step) {
        failed += 1;
        log.error(
          {
            requestId: loaded.state.id,
            error: result && !result.ok ? result.error : "no workflow or step",
          },
          "SLA escalation refused",
        );
        continue;
      }
      updates.push({
        id: loaded.state.id,
        version: loaded.version,
        step_role: step.role,
        step_department_id: step.departmentId,
        step_due_at: step.dueAt.toISOString(),
      });
      audit.push(
        ...chainEntries(
          requestStream(loaded.state.id),
          loaded.auditHead,
          result.transition.audit,
          now,
        ),
      );
    }
    if (updates.length > 0) {
      await client.query({
        name: "sla_update",
        text: UPDATE_ESCALATED,
        values: [JSON.stringify(updates), now],
      });
      await client.query({
        name: "sla_audit",
        text: INSERT_SWEEP_AUDIT,
        values: [JSON.stringify(audit)],
      });
    }
    await client.query("COMMIT");
    return { claimed: rows.length, escalated: updates.length, failed };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
