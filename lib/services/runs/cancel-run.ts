/**
 * Cancels a run: it stops where it is. Node visits scheduled are not started; a tool running now
 * finishes, and its result is discarded (the log says so). Its starter or whoever manages runs.
 */
import { can } from "@/lib/auth/permissions";
import { type Db, poolOf } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { appendRunLog, lockRun, saveRun } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { FINISHED_RUN_STATUSES } from "@/lib/graph/model";
import { isUuid } from "@/lib/ids";
import { log } from "@/lib/log";
import type { ServiceActor } from "../actor";
import { cancelRequest } from "../cancel-request";
import { starterOf } from "./approval";
import { mayReadRun, type RunView, viewRun } from "./view-run";

export async function cancelRun(
  db: Db,
  actor: ServiceActor,
  runId: string,
  now = new Date(),
): Promise<RunView> {
  if (!isUuid(runId)) throw new AppError("NOT_FOUND", "No such run.");
  const cancelled = await inTransaction(db, async (client) => {
    const run = await lockRun(client, runId);
    if (!run || !mayReadRun(actor, run)) throw new AppError("NOT_FOUND", "No such run.");
    if (run.createdById !== actor.id && !can(actor, "run:manage")) {
      throw new AppError(
        "FORBIDDEN",
        "Only whoever started a run, or an administrator, cancels it.",
      );
    }
    if (FINISHED_RUN_STATUSES.has(run.status)) {
      throw new AppError(
        "INVALID_STATE",
        `The run has already ${run.status === "CANCELLED" ? "been cancelled" : "finished"}.`,
      );
    }
    const stopped = run.active;
    run.status = "CANCELLED";
    run.finishedAt = now;
    run.active = [];
    await saveRun(client, run);
    await appendRunLog(
      client,
      run.id,
      [{ kind: "run_cancelled", data: { by: actor.id, stopped } }],
      now,
    );
    return run;
  });
  // A request the run was waiting on is withdrawn too, in its requester's (the starter's) name.
  const { rows } = await poolOf(db).query<{ request_id: string }>(
    `SELECT ra.request_id::text FROM run_approvals ra JOIN requests r ON r.id = ra.request_id
      WHERE ra.run_id = $1::uuid AND r.status::text NOT IN ('APPROVED', 'REJECTED', 'CANCELLED')`,
    [runId],
  );
  if (rows.length) {
    const requester = await starterOf(db, cancelled.createdById);
    for (const { request_id } of rows) {
      await cancelRequest(db, requester, request_id, {
        reason: "The run that asked for it was cancelled.",
        now,
      }).catch((error) =>
        log.warn(
          { err: error, runId, requestId: request_id },
          "could not withdraw a run's request",
        ),
      );
    }
  }
  return viewRun(db, actor, runId);
}
