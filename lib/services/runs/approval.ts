/**
 * Approval nodes inside graph runs: a human in the loop, through the request engine itself. A
 * visit of an approval node opens a request in the run starter's name (its type, text, fields and
 * action from the run's state) and submits it: it goes through its type's approval chain like
 * any request — the role inbox with the run's summary as its text, SLA escalation, the hash-chained
 * audit trail, the approved action run once. The run waits; the transition that ends the request
 * queues `run:resume` (lib/db/requests.ts persistTransition), which writes the outcome into the
 * state and moves the run on.
 *
 * Exactly once: the request's id is derived from (run, node, visit) and the link row is written
 * before the request, so a visit run again after a crash finds its request (and submits it if the
 * crash came between saving and submitting) instead of opening a second one.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { type Db, poolOf } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import {
  appendRunLog,
  finishVisit,
  graphWorkflowById,
  type LogEntry,
  lockRun,
  type RunRow,
  saveRun,
} from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { type ApprovalNode, bindingValue, graphNode, type RunState } from "@/lib/graph/model";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { ServiceActor } from "../actor";
import { createRequest } from "../create-request";
import { submitRequest } from "../submit-request";
import { type Advance, advanceFrom, failIfStalled } from "./advance";

/** The request of (run, node, visit): a UUID (version 8) from their SHA-256. */
export function approvalRequestId(runId: string, nodeId: string, visit: number): string {
  const hex = createHash("sha256").update(`run-approval:${runId}:${nodeId}:${visit}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const OUTCOMES: Record<string, string> = {
  APPROVED: "approved",
  REJECTED: "rejected",
  CANCELLED: "cancelled",
};

/** What the node asks for, read from the state (or its constants). */
function requestInput(node: ApprovalNode, state: RunState) {
  const value = (name: keyof ApprovalNode["inputs"]) => {
    const binding = node.inputs[name];
    if (!binding) return undefined;
    const found = bindingValue(binding, state);
    return found === null ? undefined : found;
  };
  const fields: Record<string, unknown> = {};
  for (const name of ["amount", "currency", "days", "startDate", "endDate", "severity"] as const) {
    const found = value(name);
    if (found !== undefined && found !== "") fields[name] = found;
  }
  const action = value("action");
  return {
    type: value("type"),
    text: value("text"),
    ...(value("title") ? { title: value("title") } : {}),
    fields,
    ...(action && typeof action === "object" && Object.keys(action).length
      ? { action }
      : { action: null }),
    intent: "submit" as const,
  };
}

/** Whoever started a run, as the actor of the requests it opens or withdraws. */
export async function starterOf(db: Db, userId: string): Promise<ServiceActor> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, roles: true, departmentId: true },
  });
  return {
    id: user.id,
    roles: user.roles,
    department: user.departmentId ? { id: user.departmentId } : null,
  };
}

/**
 * Opens (or finds again) the request of this approval visit and submits it. Throws an AppError
 * the run fails with when the request cannot be opened (a field its type needs is missing).
 */
export async function openApproval(
  db: Db,
  run: Pick<RunRow, "id" | "createdById">,
  node: ApprovalNode,
  visit: number,
  state: RunState,
  now: Date,
): Promise<{ requestId: string; number: number; status: string }> {
  const requestId = approvalRequestId(run.id, node.id, visit);
  const pool = poolOf(db);
  await pool.query(
    `INSERT INTO run_approvals (request_id, run_id, node_id, visit, created_at)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [requestId, run.id, node.id, visit, now],
  );
  const existing = async () =>
    (
      await pool.query<{ status: string; number: number }>(
        "SELECT status::text AS status, number::int AS number FROM requests WHERE id = $1::uuid",
        [requestId],
      )
    ).rows[0];
  const actor = await starterOf(db, run.createdById);
  let found = await existing();
  if (!found) {
    const created = await createRequest(db, actor, requestInput(node, state), {
      now,
      id: requestId,
    });
    if (created.submitError) throw created.submitError;
    found = await existing();
  } else if (found.status === "DRAFT") {
    await submitRequest(db, actor, requestId, { now });
    found = await existing();
  }
  if (!found) throw new Error(`the approval request ${requestId} is gone`);
  return { requestId, number: found.number, status: found.status };
}

/**
 * Ends the approval visit with the request's outcome (with the run's row locked by `step`): the
 * outputs written, the visit finished, the run moved on.
 */
export async function completeApproval(
  step: Advance,
  node: ApprovalNode,
  visit: number,
  request: { requestId: string; number: number; status: string },
  startedAt: Date,
): Promise<void> {
  const outcome = OUTCOMES[request.status];
  if (!outcome) return;
  const values: Record<string, string> = {
    outcome,
    request_id: request.requestId,
    reference: `FG-${request.number}`,
  };
  const writes: RunState = {};
  for (const [name, key] of Object.entries(node.outputs)) {
    if (key) writes[key] = values[name];
  }
  const keys = Object.keys(writes);
  step.run.state = { ...step.run.state, ...writes };
  step.run.active = step.run.active.filter((t) => t !== `${node.id}#${visit}`);
  await finishVisit(step.client, {
    runId: step.run.id,
    nodeId: node.id,
    visit,
    status: "SUCCEEDED",
    now: step.now,
    durationMs: step.now.getTime() - startedAt.getTime(),
    writtenKeys: keys,
    error: null,
  });
  step.entries.push({
    kind: "node_finished",
    nodeId: node.id,
    visit,
    data: { durationMs: step.now.getTime() - startedAt.getTime(), wrote: keys, outcome },
  });
  if (keys.length) {
    step.entries.push({ kind: "state_changed", nodeId: node.id, visit, data: { changes: writes } });
  }
  await advanceFrom(step, node);
  failIfStalled(step);
}

/** The `run:resume` job: the request a run waits on has ended; the run goes on. */
export async function resumeFromRequest(
  db: Db,
  requestId: string,
  now = new Date(),
): Promise<void> {
  const pool = poolOf(db);
  const { rows } = await pool.query<{
    run_id: string;
    node_id: string;
    visit: number;
    status: string;
    number: number;
    started_at: Date;
  }>(
    `SELECT ra.run_id::text, ra.node_id, ra.visit, r.status::text AS status, r.number::int AS number, v.started_at
       FROM run_approvals ra
       JOIN requests r ON r.id = ra.request_id
       JOIN run_node_visits v ON v.run_id = ra.run_id AND v.node_id = ra.node_id AND v.visit = ra.visit
      WHERE ra.request_id = $1::uuid`,
    [requestId],
  );
  const link = rows[0];
  if (!link || !OUTCOMES[link.status]) return;
  await inTransaction(db, async (client: pg.PoolClient) => {
    const run = await lockRun(client, link.run_id);
    if (!run?.active.includes(`${link.node_id}#${link.visit}`)) return;
    const workflow = await graphWorkflowById(client, run.workflowId);
    if (!workflow) throw new AppError("NOT_FOUND", "The run's workflow is gone.");
    const node = graphNode(workflow.definition, link.node_id);
    if (node.kind !== "approval") return;
    const entries: LogEntry[] = [];
    const step: Advance = { client, definition: workflow.definition, run, entries, jobs: [], now };
    await completeApproval(
      step,
      node,
      link.visit,
      { requestId, number: link.number, status: link.status },
      link.started_at,
    );
    await enqueueJobs(client, step.jobs);
    await saveRun(client, run);
    await appendRunLog(client, run.id, entries, now);
  });
}
