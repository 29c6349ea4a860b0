/**
 * Runs one node visit of a graph run (the `run:node` job), in three steps:
 * 1. claim the visit with the run's row locked: nothing happens for a run that ended or a visit
 *    already done (a job run twice), and the log says the node started;
 * 2. call the tool outside any transaction, with its timeout and the node's retries;
 * 3. with the run's row locked again: merge the tool's declared outputs into the state, record
 *    the visit (duration, keys written, error) and the log lines, and move on (advance.ts) —
 *    the next visits' jobs queued in the same transaction.
 * A process killed during step 2 leaves the visit claimed; its job is unlocked for another
 * worker (lib/jobs/runtime.ts), which claims the visit again (attempts + 1) and runs the tool
 * again: tools are pure or idempotent under the visit's key, and a visit whose step 3 committed
 * is never run again.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import {
  appendRunLog,
  claimVisit,
  finishVisit,
  graphWorkflowById,
  type LogEntry,
  lockRun,
  saveRun,
} from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import {
  type ApprovalNode,
  FINISHED_RUN_STATUSES,
  type GraphDefinition,
  graphNode,
  type RunState,
} from "@/lib/graph/model";
import { toolInput, toolWrites } from "@/lib/graph/route";
import { toolByName } from "@/lib/graph/tools";
import { callTool, ToolError } from "@/lib/graph/tools/registry";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { type Advance, advanceFrom, failIfStalled, failRun } from "./advance";
import { completeApproval, openApproval } from "./approval";

const definitions = new Map<string, GraphDefinition>();

/** A workflow version's definition (versions never change once stored). */
export async function definitionOf(db: Db, workflowId: string): Promise<GraphDefinition> {
  let definition = definitions.get(workflowId);
  if (!definition) {
    const row = await graphWorkflowById(poolOf(db), workflowId);
    if (!row) throw new Error(`no graph workflow ${workflowId}`);
    definition = row.definition;
    definitions.set(workflowId, definition);
  }
  return definition;
}

/** Largest value shown in a state_changed log line, per key. */
const PREVIEW_CHARS = 2_000;

function preview(writes: RunState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(writes)) {
    const text = JSON.stringify(value) ?? "null";
    out[key] =
      text.length <= PREVIEW_CHARS
        ? value
        : { truncated: true, preview: `${text.slice(0, PREVIEW_CHARS)}…` };
  }
  return out;
}

export interface RunNodeJob {
  runId: string;
  nodeId: string;
  visit: number;
}

export async function runNode(
  db: Db,
  job: RunNodeJob,
  options: { clock?: () => Date; signal?: AbortSignal } = {},
): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const token = `${job.nodeId}#${job.visit}`;

  const claimed = await inTransaction(db, async (client) => {
    const run = await lockRun(client, job.runId);
    if (!run || FINISHED_RUN_STATUSES.has(run.status) || !run.active.includes(token)) return null;
    const now = clock();
    const claim = await claimVisit(client, run.id, job.nodeId, job.visit, now);
    if (claim.kind !== "claimed") return null;
    const entries: LogEntry[] = [];
    if (run.status === "QUEUED") {
      run.status = "RUNNING";
      run.startedAt = now;
      entries.push({ kind: "run_started" });
      await saveRun(client, run);
    }
    entries.push({
      kind: "node_started",
      nodeId: job.nodeId,
      visit: job.visit,
      data: { attempt: claim.attempts },
    });
    await appendRunLog(client, run.id, entries, now);
    return {
      state: run.state,
      workflowId: run.workflowId,
      createdById: run.createdById,
      startedAt: now,
    };
  });
  if (!claimed) return;

  const definition = await definitionOf(db, claimed.workflowId);
  const node = graphNode(definition, job.nodeId);
  if (node.kind === "approval") {
    await runApproval(db, job, node, definition, claimed, clock);
    return;
  }
  if (node.kind !== "tool") throw new Error(`"${node.id}" is not a tool node`);
  const started = performance.now();
  let writes: RunState = {};
  let failure: string | null = null;
  const tool = toolByName(node.tool);
  if (!tool) failure = `there is no tool "${node.tool}"`;
  for (let attempt = 0; tool && !failure; attempt++) {
    try {
      const output = await callTool(tool, toolInput(node, claimed.state), {
        timeoutMs: node.timeoutMs,
        idempotencyKey: `${job.runId}:${token}`,
        signal: options.signal,
      });
      writes = toolWrites(node, output);
      break;
    } catch (error) {
      // The process is stopping: leave the visit to the job's next attempt, elsewhere.
      if (options.signal?.aborted) throw error;
      const retriable =
        error instanceof ToolError && error.reason !== "input" && error.reason !== "output";
      if (retriable && attempt < node.retries) continue;
      failure = (error as Error).message;
    }
  }
  const durationMs = performance.now() - started;

  await inTransaction(db, async (client) => {
    const run = await lockRun(client, job.runId);
    if (!run) return;
    const now = clock();
    const entries: LogEntry[] = [];
    if (FINISHED_RUN_STATUSES.has(run.status) || !run.active.includes(token)) {
      // Cancelled (or ended by another branch) while the tool ran: its result is not used.
      await finishVisit(client, {
        ...job,
        status: "SKIPPED",
        now,
        durationMs,
        writtenKeys: [],
        error: `the run was ${run.status.toLowerCase()} meanwhile`,
      });
      await appendRunLog(
        client,
        run.id,
        [
          {
            kind: "node_discarded",
            nodeId: job.nodeId,
            visit: job.visit,
            data: { reason: run.status },
          },
        ],
        now,
      );
      return;
    }
    run.active = run.active.filter((t) => t !== token);
    const step: Advance = { client, definition, run, entries, jobs: [], now };
    if (failure) {
      await finishVisit(client, {
        ...job,
        status: "FAILED",
        now,
        durationMs,
        writtenKeys: [],
        error: failure,
      });
      entries.push({
        kind: "node_failed",
        nodeId: job.nodeId,
        visit: job.visit,
        data: { error: failure, durationMs: Math.round(durationMs) },
      });
      failRun(step, `${job.nodeId}: ${failure}`);
    } else {
      const keys = Object.keys(writes);
      run.state = { ...run.state, ...writes };
      await finishVisit(client, {
        ...job,
        status: "SUCCEEDED",
        now,
        durationMs,
        writtenKeys: keys,
        error: null,
      });
      entries.push({
        kind: "node_finished",
        nodeId: job.nodeId,
        visit: job.visit,
        data: { durationMs: Math.round(durationMs), wrote: keys },
      });
      if (keys.length) {
        entries.push({
          kind: "state_changed",
          nodeId: job.nodeId,
          visit: job.visit,
          data: { changes: preview(writes) },
        });
      }
      await advanceFrom(step, node);
      failIfStalled(step);
      await enqueueJobs(client, step.jobs);
    }
    await saveRun(client, run);
    await appendRunLog(client, run.id, entries, now);
  });
}

export const newRunId = () => randomUUID();

/**
 * An approval visit: open its request (lib/services/runs/approval.ts) and wait; if the request has
 * already ended (a visit run again after the decision), go on at once.
 */
async function runApproval(
  db: Db,
  job: RunNodeJob,
  node: ApprovalNode,
  definition: GraphDefinition,
  claimed: { state: RunState; createdById: string; startedAt: Date },
  clock: () => Date,
): Promise<void> {
  const token = `${job.nodeId}#${job.visit}`;
  let opened: Awaited<ReturnType<typeof openApproval>> | null = null;
  let failure: string | null = null;
  try {
    opened = await openApproval(
      db,
      { id: job.runId, createdById: claimed.createdById },
      node,
      job.visit,
      claimed.state,
      clock(),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // the database: the job is retried
    failure = `the approval request could not be opened: ${error.message}${error.issues.length ? ` (${error.issues.map((i) => `${i.field}: ${i.message}`).join("; ")})` : ""}`;
  }
  await inTransaction(db, async (client) => {
    const run = await lockRun(client, job.runId);
    if (!run || FINISHED_RUN_STATUSES.has(run.status) || !run.active.includes(token)) return;
    const now = clock();
    const step: Advance = { client, definition, run, entries: [], jobs: [], now };
    if (failure || !opened) {
      run.active = run.active.filter((t) => t !== token);
      const error = failure ?? "no request";
      await finishVisit(client, {
        ...job,
        status: "FAILED",
        now,
        durationMs: 0,
        writtenKeys: [],
        error,
      });
      step.entries.push({
        kind: "node_failed",
        nodeId: job.nodeId,
        visit: job.visit,
        data: { error },
      });
      failRun(step, `${job.nodeId}: ${error}`);
    } else if (
      opened.status === "APPROVED" ||
      opened.status === "REJECTED" ||
      opened.status === "CANCELLED"
    ) {
      await completeApproval(step, node, job.visit, opened, claimed.startedAt);
    } else {
      step.entries.push({
        kind: "approval_requested",
        nodeId: job.nodeId,
        visit: job.visit,
        data: { requestId: opened.requestId, reference: `FG-${opened.number}` },
      });
    }
    await enqueueJobs(client, step.jobs);
    await saveRun(client, run);
    await appendRunLog(client, run.id, step.entries, now);
  });
}
