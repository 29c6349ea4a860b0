/**
 * Runs an approved action (the `action:run` job) from its outbox row, with its idempotency key.
 *
 * - The run is claimed for an attempt; a run already recorded (or abandoned) is left alone, so a
 *   job that runs again after a crash records nothing twice.
 * - It runs with the parameters exactly as approved (stored in the outbox with their hash), not
 *   whatever the request says now.
 * - Success: recorded with its result and an ACTION_EXECUTED audit event, in one transaction.
 * - Failure: retried with backoff by the job runtime; the attempt and its error are on the run.
 *   After the last attempt, or at once when the parameters themselves are wrong, the run is dead
 *   and ACTION_FAILED is appended; an admin may retry the dead job or abandon it.
 *
 * Delivery is at least once: a crash after the other side acted but before the record commits
 * runs the action again with the same key (a webhook receiver deduplicates on webhook-id; a task
 * is keyed by the run and is never created twice; a mail may be sent twice).
 */

import { claimRun, finishRun, markRunFailed } from "@/lib/db/action-runs";
import { type Db, poolOf } from "@/lib/db/client";
import { type AuditData, type AuditEntry, actionHash } from "@/lib/engine";
import type { JobContext } from "@/lib/jobs/job";
import { log } from "@/lib/log";
import { toolOf } from "@/lib/tools/registry";
import { PermanentToolError } from "@/lib/tools/tool";

const SYSTEM = { type: "SYSTEM" as const, onBehalfOf: null };

function auditEntry(
  event:
    | { action: "ACTION_EXECUTED"; data: AuditData<"ACTION_EXECUTED"> }
    | { action: "ACTION_FAILED"; data: AuditData<"ACTION_FAILED"> },
): AuditEntry {
  // An action changes no status: the request stays where its workflow ended.
  return { ...event, actor: SYSTEM, fromStatus: null, toStatus: null };
}

export async function runApprovedAction(
  db: Db,
  runId: string,
  job: Pick<JobContext, "attempt" | "maxAttempts" | "signal">,
  now = new Date(),
): Promise<"succeeded" | "dead" | "retry" | "skipped"> {
  const pool = poolOf(db);
  const run = await claimRun(pool, runId, now);
  if (!run) return "skipped";
  const base = {
    tool: run.tool,
    nodeId: run.nodeId,
    round: run.round,
    idempotencyKey: run.idempotencyKey,
    attempts: run.attempts,
  };
  const dead = async (error: string) => {
    await finishRun(
      pool,
      run.id,
      ["RUNNING"],
      {
        status: "DEAD",
        error,
        audit: auditEntry({ action: "ACTION_FAILED", data: { ...base, error } }),
      },
      new Date(),
    );
    return "dead" as const;
  };

  const tool = toolOf(run.tool);
  const params = tool?.schema.safeParse(run.params);
  if (!tool || !params?.success) {
    return dead(`The action's parameters are not valid for ${run.tool}: it cannot run.`);
  }
  // The outbox keeps the action as approved; a row whose payload no longer matches its hash was
  // changed behind the app's back and must not run.
  if (actionHash({ tool: run.tool as never, params: run.params }) !== run.actionHash) {
    return dead("The action's payload does not match what was approved.");
  }
  const request = await db.request.findUniqueOrThrow({
    where: { id: run.requestId },
    select: { number: true, requesterId: true },
  });
  try {
    const result = await tool.execute(params.data, {
      db,
      runId: run.id,
      requestId: run.requestId,
      requestNumber: request.number,
      requesterId: request.requesterId,
      idempotencyKey: run.idempotencyKey,
      signal: job.signal,
      now,
    });
    await finishRun(
      pool,
      run.id,
      ["RUNNING"],
      {
        status: "SUCCEEDED",
        result,
        audit: auditEntry({ action: "ACTION_EXECUTED", data: { ...base, result } }),
      },
      new Date(),
    );
    return "succeeded";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentToolError || job.attempt >= job.maxAttempts) {
      await dead(message);
      if (error instanceof PermanentToolError) return "dead";
      throw error; // the job is dead too: an admin can retry it
    }
    log.warn(
      { runId, attempt: job.attempt, err: error },
      "action attempt failed; it will be retried",
    );
    await markRunFailed(pool, run.id, message);
    throw error;
  }
}
