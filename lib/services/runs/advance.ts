/**
 * Moves a run on from a node, inside the transaction that holds the run's row: follows the edges
 * (lib/graph/route.ts), starts a fork's branches, counts arrivals at a join and goes on once it
 * has what it waits for, and ends the run at an end node. Nodes without work of their own
 * (branch, fork, join, end) are passed through here at once; each tool node to run is scheduled
 * as a `run:node` job, queued in the same transaction, with its visit number fixed now, so a job
 * run twice finds its visit already done (lib/db/runs.ts claimVisit).
 */
import type pg from "pg";
import { claimVisit, finishVisit, type LogEntry, type RunRow } from "@/lib/db/runs";
import { type GraphDefinition, type GraphNode, graphNode } from "@/lib/graph/model";
import { arrivalsNeeded, routeFrom } from "@/lib/graph/route";
import { jobRequest } from "@/lib/jobs/catalog";
import type { JobRequest } from "@/lib/jobs/job";

/** The priority of a run's first node; each node visited since lowers it (runs it sooner). */
const RUN_PRIORITY = 1_000;

export interface Advance {
  client: pg.PoolClient;
  definition: GraphDefinition;
  run: RunRow;
  entries: LogEntry[];
  jobs: (JobRequest & { maxAttempts: number })[];
  now: Date;
}

export function failRun(step: Advance, error: string): void {
  const { run } = step;
  if (run.status === "FAILED") return;
  run.status = "FAILED";
  run.error = error.slice(0, 2_000);
  run.finishedAt = step.now;
  run.active = [];
  step.entries.push({ kind: "run_failed", data: { error: run.error } });
}

/** After `node` finished: route on. */
export async function advanceFrom(step: Advance, node: GraphNode): Promise<void> {
  const route = routeFrom(step.definition, node, step.run.state);
  switch (route.kind) {
    case "fail":
      failRun(step, route.error);
      return;
    case "end":
      return;
    case "fork": {
      const join = step.run.joins[route.join];
      step.run.joins[route.join] = {
        arrived: 0,
        needed: arrivalsNeeded(step.definition, route.join, route.to.length),
        fired: false,
      };
      if (join && !join.fired) {
        failRun(
          step,
          `the fork "${node.id}" started again before its join "${route.join}" went on`,
        );
        return;
      }
      for (const to of route.to) await enter(step, to);
      return;
    }
    case "next":
      await enter(step, route.to);
  }
}

/** Enters node `id`: a tool node is scheduled; the others are passed through now. */
export async function enter(step: Advance, id: string): Promise<void> {
  const { run, definition } = step;
  if (run.status !== "RUNNING" && run.status !== "QUEUED") return;
  const node = graphNode(definition, id);
  if (node.kind === "join") {
    const join = run.joins[id];
    if (!join) {
      failRun(step, `the join "${id}" was reached without its fork`);
      return;
    }
    join.arrived += 1;
    step.entries.push({
      kind: "branch_arrived",
      nodeId: id,
      data: { arrived: join.arrived, needed: join.needed },
    });
    if (join.fired || join.arrived < join.needed) return;
    join.fired = true;
  }
  const visit = (run.visits[id] ?? 0) + 1;
  if (visit > node.maxVisits) {
    failRun(step, `"${id}" would run a ${ordinal(visit)} time; its limit is ${node.maxVisits}`);
    return;
  }
  run.visits[id] = visit;
  if (node.kind === "tool" || node.kind === "approval") {
    run.active.push(`${id}#${visit}`);
    // Runs further along go first (and everything else, mail included, before any run), so a
    // burst of runs finishes one after another instead of all at the end.
    const done = Object.values(run.visits).reduce((sum, n) => sum + n, 0);
    step.jobs.push(
      jobRequest(
        "run:node",
        { runId: run.id, nodeId: id, visit },
        { priority: RUN_PRIORITY - Math.min(done, RUN_PRIORITY - 1) },
      ),
    );
    return;
  }
  // No work of its own: record the visit as done and go on.
  await claimVisit(step.client, run.id, id, visit, step.now);
  await finishVisit(step.client, {
    runId: run.id,
    nodeId: id,
    visit,
    status: "SUCCEEDED",
    now: step.now,
    durationMs: 0,
    writtenKeys: [],
    error: null,
  });
  step.entries.push({
    kind: "node_finished",
    nodeId: id,
    visit,
    data: { durationMs: 0, wrote: [] },
  });
  if (node.kind === "end") {
    run.status = node.outcome;
    run.finishedAt = step.now;
    run.active = [];
    step.entries.push(
      node.outcome === "SUCCEEDED"
        ? { kind: "run_succeeded", nodeId: id }
        : { kind: "run_failed", nodeId: id, data: { error: `ended at "${id}"` } },
    );
    if (node.outcome === "FAILED") run.error = `ended at "${id}"`;
    return;
  }
  await advanceFrom(step, node);
}

/** A run with nothing scheduled that has not ended is stuck: it fails rather than hangs. */
export function failIfStalled(step: Advance): void {
  if (
    (step.run.status === "RUNNING" || step.run.status === "QUEUED") &&
    step.run.active.length === 0
  ) {
    failRun(
      step,
      "nothing is left to run and no end was reached (a join waits for branches that ended)",
    );
  }
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? "st"
      : n % 10 === 2 && n % 100 !== 12
        ? "nd"
        : n % 10 === 3 && n % 100 !== 13
          ? "rd"
          : "th";
  return `${n}${suffix}`;
}
