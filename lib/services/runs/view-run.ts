/**
 * A run as people and programs read it: status, state, the nodes running now, each node visit
 * (start, end, duration, outcome, error, the state keys it wrote), the log, and the graph. Its
 * starter sees it, and whoever may read every run; to anyone else it does not exist.
 */
import { can } from "@/lib/auth/permissions";
import { type Db, poolOf } from "@/lib/db/client";
import {
  graphWorkflowById,
  type LogLine,
  listRuns,
  type RunRow,
  readRun,
  runLog,
  runVisits,
  type VisitRow,
} from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import type { GraphDefinition, RunState, RunStatus } from "@/lib/graph/model";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "../actor";

export interface RunSummary {
  id: string;
  workflow: { key: string; version: number; name: string };
  status: RunStatus;
  /** Nodes scheduled or running now. */
  activeNodes: string[];
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunView extends RunSummary {
  /** The id of whoever started it. */
  createdBy: string;
  input: RunState;
  state: RunState;
  visits: VisitRow[];
  log: LogLine[];
  /** The last log line's number: follow from here (GET …/events with Last-Event-ID). */
  logSeq: number;
  definition: GraphDefinition;
}

export function mayReadRun(actor: ServiceActor, run: Pick<RunRow, "createdById">): boolean {
  return run.createdById === actor.id || can(actor, "run:read-any");
}

export function summaryOf(run: RunRow): RunSummary {
  return {
    id: run.id,
    workflow: { key: run.workflowKey, version: run.workflowVersion, name: run.workflowName },
    status: run.status,
    activeNodes: [...new Set(run.active.map((token) => token.split("#")[0] as string))],
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/** The run, or NOT_FOUND for one that does not exist or the actor may not see. */
export async function readableRun(db: Db, actor: ServiceActor, runId: string): Promise<RunRow> {
  const run = isUuid(runId) ? await readRun(poolOf(db), runId) : null;
  if (!run || !mayReadRun(actor, run)) throw new AppError("NOT_FOUND", "No such run.");
  return run;
}

export async function viewRun(db: Db, actor: ServiceActor, runId: string): Promise<RunView> {
  const run = await readableRun(db, actor, runId);
  const pool = poolOf(db);
  const [visits, log, workflow] = await Promise.all([
    runVisits(pool, run.id),
    // The lines up to the row's own (its state is as of them); a reader follows from there.
    runLog(pool, run.id, 0, 5_000, run.logSeq),
    graphWorkflowById(pool, run.workflowId),
  ]);
  if (!workflow) throw new Error(`the run's workflow ${run.workflowId} is gone`);
  return {
    ...summaryOf(run),
    createdBy: run.createdById,
    input: run.input,
    state: run.state,
    visits,
    log,
    logSeq: run.logSeq,
    definition: workflow.definition,
  };
}

/** Runs newest first: one's own, or all (`all`, with run:read-any). Cursor: the last run's id. */
export async function listRunsFor(
  db: Db,
  actor: ServiceActor,
  options: { all: boolean; limit: number; cursor?: string },
): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  if (options.all && !can(actor, "run:read-any")) {
    throw new AppError("FORBIDDEN", "Your roles do not allow reading every run.");
  }
  const pool = poolOf(db);
  let before: { at: Date; id: string } | undefined;
  if (options.cursor) {
    const last = isUuid(options.cursor) ? await readRun(pool, options.cursor) : null;
    if (!last || !mayReadRun(actor, last)) {
      throw new AppError("INVALID_REQUEST", "The cursor is not one this list gave.", [
        { field: "cursor", message: "Use the nextCursor of the previous page." },
      ]);
    }
    before = { at: last.createdAt, id: last.id };
  }
  const rows = await listRuns(pool, {
    createdById: options.all ? null : actor.id,
    limit: options.limit + 1,
    before,
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The summary part of a full view (what start and cancel answer). */
export function summaryFromView(view: RunView): RunSummary {
  const { id, workflow, status, activeNodes, error, createdAt, startedAt, finishedAt } = view;
  return { id, workflow, status, activeNodes, error, createdAt, startedAt, finishedAt };
}

/**
 * The graph run that opened a request through an approval node, for the request's page: the
 * workflow's name, and the run's id when the viewer may open it (its starter, readers of every
 * run); null for a request no run opened.
 */
export async function runOfRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
): Promise<{ workflow: string; runId: string | null } | null> {
  if (!isUuid(requestId)) return null;
  const { rows } = await poolOf(db).query<{ run_id: string; name: string; created_by_id: string }>(
    `SELECT r.id::text AS run_id, w.name, r.created_by_id::text AS created_by_id
       FROM run_approvals ra JOIN runs r ON r.id = ra.run_id JOIN graph_workflows w ON w.id = r.workflow_id
      WHERE ra.request_id = $1::uuid`,
    [requestId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    workflow: row.name,
    runId: mayReadRun(actor, { createdById: row.created_by_id }) ? row.run_id : null,
  };
}
