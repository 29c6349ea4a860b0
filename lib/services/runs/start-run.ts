/**
 * Starts a run of a graph workflow: checks the input against the workflow's declared state,
 * stores the run with its starting state, and schedules its first node — one transaction, so a
 * run that exists always has its first job queued. Answers at once; the run goes on in the
 * background (lib/services/runs/run-node.ts).
 */
import { type Db, poolOf } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { appendRunLog, graphWorkflow, insertRun, lockRun, saveRun } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { isGraphKey } from "@/lib/graph/model";
import { initialState } from "@/lib/graph/validate";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { ServiceActor } from "../actor";
import { type Advance, enter, failIfStalled } from "./advance";
import { newRunId } from "./run-node";
import { type RunView, viewRun } from "./view-run";

export interface StartRunInput {
  workflow: string;
  version?: number;
  input: Record<string, unknown>;
}

export async function startRun(
  db: Db,
  actor: ServiceActor,
  request: StartRunInput,
  now = new Date(),
): Promise<RunView> {
  // A text that cannot be a key (a NUL byte, which PostgreSQL refuses in text, found by the API
  // fuzzing) names no workflow: the same refusal, without a query.
  const key = isGraphKey(request.workflow) ? request.workflow : null;
  const workflow = key ? await graphWorkflow(poolOf(db), key, request.version) : null;
  if (!workflow) {
    throw new AppError(
      "NOT_FOUND",
      `There is no workflow ${key ? `"${key}"` : "by that name"}${request.version ? ` version ${request.version}` : ""}.`,
      [{ field: request.version ? "version" : "workflow", message: "No such workflow (version)." }],
    );
  }
  const start = initialState(workflow.definition, request.input);
  if (!start.ok) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The input does not fit the workflow's state.",
      start.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  const id = newRunId();
  await inTransaction(db, async (client) => {
    await insertRun(client, {
      id,
      workflowId: workflow.id,
      input: request.input,
      state: start.state,
      createdById: actor.id,
      now,
    });
    const run = await lockRun(client, id);
    if (!run) throw new Error("the run just stored is gone");
    const step: Advance = {
      client,
      definition: workflow.definition,
      run,
      entries: [],
      jobs: [],
      now,
    };
    step.entries.push({
      kind: "run_queued",
      data: { workflow: workflow.key, version: workflow.version, by: actor.id },
    });
    await enter(step, workflow.definition.start);
    failIfStalled(step);
    await enqueueJobs(client, step.jobs);
    await saveRun(client, run);
    await appendRunLog(client, id, step.entries, now);
  });
  return viewRun(db, actor, id);
}
