/**
 * Graph runs on the job runtime (issue 15), with a real worker on the test database: the
 * code-review demo from paste to suggestions (fork and join, a loop on the quality score), the
 * visit limit that stops a loop, a failing or slow tool, cancellation, and the run's log and
 * visits telling what happened in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { readRun, runLog, runVisits } from "@/lib/db/runs";
import type { GraphDefinitionInput } from "@/lib/graph/model";
import { cancelRun } from "@/lib/services/runs/cancel-run";
import { publishGraph } from "@/lib/services/runs/publish-graph";
import { startRun } from "@/lib/services/runs/start-run";
import { listRunsFor, viewRun } from "@/lib/services/runs/view-run";
import { startJobWorker } from "./job-worker";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
let worker: Awaited<ReturnType<typeof startJobWorker>>;
beforeAll(async () => {
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { concurrency: 4 });
});
afterAll(async () => {
  await worker?.stop();
});

/** Waits (at most 20 s) until the run has finished; its row. */
async function finished(runId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const run = await readRun(poolOf(ctx.t.db), runId);
    if (run && ["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const SOURCE = `
// TODO: support refunds
export function total(order, taxRate, currency) {
  let sum = 0;
  for (const line of order.lines) {
    if (line.qty > 0) {
      if (line.discount) {
        for (const d of line.discount) {
          if (d.kind === "percent" && d.value > 0) { sum -= line.price * d.value / 100; }
        }
      }
      sum += line.qty * line.price;
    }
  }
  return sum * (1 + taxRate);
}
const label = (x) => String(x);
`;

describe("the code-review workflow", () => {
  it("reviews pasted source: functions, complexity and issues in parallel, suggestions until the threshold", async () => {
    const started = await startRun(ctx.t.db, ctx.w.requester, {
      workflow: "code-review",
      input: { code: SOURCE, threshold: 95 },
    });
    expect(started.status).toBe("QUEUED");
    expect(started.workflow).toMatchObject({ key: "code-review", version: 1 });
    const run = await finished(started.id);
    expect(run.status).toBe("SUCCEEDED");
    const state = run.state as Record<string, unknown>;
    expect((state.functions as { name: string }[]).map((f) => f.name)).toEqual(["total", "label"]);
    expect(state.max_complexity).toBe(7);
    const kinds = (state.issues as { kind: string }[]).map((i) => i.kind).sort();
    expect(kinds).toEqual(["nesting", "todo", "unused_parameter"]);
    expect(state.code_score).toBe(100 - 7 - 2 - 2);
    // Pass 1: total (nesting + unused currency: 9) → 98 ≥ 95, so the loop stops after one pass.
    expect(state.quality_score).toBe(98);
    expect(state.iteration).toBe(1);

    const view = await viewRun(ctx.t.db, ctx.w.requester, started.id);
    const finishedNodes = view.log.filter((l) => l.kind === "node_finished").map((l) => l.nodeId);
    expect(finishedNodes.slice(0, 2)).toEqual(["extract", "analyse"]);
    expect(finishedNodes.slice(2, 4).sort()).toEqual(["complexity", "issues"]);
    expect(finishedNodes.slice(4)).toEqual(["analysed", "suggest", "ai", "done"]);
    // Without a hosted model the review is the deterministic one, and says so.
    expect(state.ai_suggestions).toEqual([]);
    expect(state.ai_note).toBe("No hosted AI model is configured.");
    expect(view.log.at(-1)?.kind).toBe("run_succeeded");
    expect(view.log.map((l) => l.seq)).toEqual(view.log.map((_, i) => i + 1));
    const extract = view.visits.find((v) => v.nodeId === "extract");
    expect(extract).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    expect(extract?.writtenKeys.sort()).toEqual([
      "functions",
      "line_count",
      "syntax_errors",
      "todos",
    ]);
    expect(view.log.filter((l) => l.kind === "branch_arrived").map((l) => l.data)).toEqual([
      { arrived: 1, needed: 2 },
      { arrived: 2, needed: 2 },
    ]);
  });

  it("loops until the score reaches the threshold, one function per pass", async () => {
    const started = await startRun(ctx.t.db, ctx.w.requester, {
      workflow: "code-review",
      input: { code: SOURCE, threshold: 100 },
    });
    const run = await finished(started.id);
    const state = run.state as Record<string, number>;
    // total, then the file's note, then nothing is left.
    expect([state.iteration, state.quality_score, state.remaining_issues]).toEqual([2, 100, 0]);
    const visits = await runVisits(poolOf(ctx.t.db), run.id);
    expect(visits.filter((v) => v.nodeId === "suggest").map((v) => v.visit)).toEqual([1, 2]);
  });

  it("refuses input that does not fit the state, naming the key, and starts nothing", async () => {
    const before = (await listRunsFor(ctx.t.db, ctx.w.requester, { all: false, limit: 200 })).items
      .length;
    await expect(
      startRun(ctx.t.db, ctx.w.requester, {
        workflow: "code-review",
        input: { code: 5, extra: 1 },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        { field: "input.code", message: '"code" is a string.' },
        { field: "input.extra", message: 'The workflow has no state key "extra".' },
      ],
    });
    await expect(
      startRun(ctx.t.db, ctx.w.requester, { workflow: "code-review", input: {} }),
    ).rejects.toMatchObject({
      issues: [{ field: "input.code", message: 'Give "code".' }],
    });
    await expect(
      startRun(ctx.t.db, ctx.w.requester, { workflow: "nope", input: {} }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Found by the API fuzzing: a NUL byte (which PostgreSQL refuses in text) was a 500.
    await expect(
      startRun(ctx.t.db, ctx.w.requester, { workflow: "\u0000", input: {} }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "There is no workflow by that name.",
      issues: [{ field: "workflow" }],
    });
    expect(
      (await listRunsFor(ctx.t.db, ctx.w.requester, { all: false, limit: 200 })).items.length,
    ).toBe(before);
  });

  it("shows a run to its starter and to readers of every run only", async () => {
    const started = await startRun(ctx.t.db, ctx.w.requester, {
      workflow: "code-review",
      input: { code: "const a = 1;" },
    });
    await expect(viewRun(ctx.t.db, ctx.w.managerEng, started.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const auditor = await createUserAs(ctx.t.db, "auditor@runs.test", ["AUDITOR"], null);
    expect((await viewRun(ctx.t.db, auditor, started.id)).id).toBe(started.id);
    await expect(cancelRun(ctx.t.db, auditor, started.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await finished(started.id);
  });
});

const admin = () => createUserAs(ctx.t.db, `admin-${Math.random()}@runs.test`, ["ADMIN"], null);

async function publish(definition: GraphDefinitionInput) {
  return publishGraph(ctx.t.db, await admin(), definition);
}

describe("loops, failures and cancellation", () => {
  it("stops a loop at the node's visit limit and says so", async () => {
    await publish({
      key: "count-forever",
      name: "Counts forever",
      state: { n: { type: "number", default: 0 } },
      start: "count",
      nodes: [
        {
          id: "count",
          kind: "tool",
          tool: "add",
          maxVisits: 5,
          inputs: { a: { state: "n" }, b: { value: 1 } },
          outputs: { sum: "n" },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { from: "count", to: "count", when: "n >= 0" },
        { from: "count", to: "done" },
      ],
    });
    const run = await finished(
      (await startRun(ctx.t.db, ctx.w.requester, { workflow: "count-forever", input: {} })).id,
    );
    expect(run).toMatchObject({
      status: "FAILED",
      error: '"count" would run a 6th time; its limit is 5',
    });
    expect(run.state.n).toBe(5);
  });

  it("fails the run at a tool that times out, after its retries, with the tool's message", async () => {
    await publish({
      key: "too-slow",
      name: "Too slow",
      state: { v: { type: "number", default: 1 } },
      start: "slow",
      nodes: [
        {
          id: "slow",
          kind: "tool",
          tool: "wait",
          timeoutMs: 50,
          retries: 1,
          inputs: { ms: { value: 5_000 } },
          outputs: {},
        },
        { id: "done", kind: "end" },
      ],
      edges: [{ from: "slow", to: "done" }],
    });
    const run = await finished(
      (await startRun(ctx.t.db, ctx.w.requester, { workflow: "too-slow", input: {} })).id,
    );
    expect(run).toMatchObject({ status: "FAILED", error: "slow: wait: no answer within 50 ms" });
    const log = await runLog(poolOf(ctx.t.db), run.id);
    expect(log.map((l) => l.kind)).toEqual([
      "run_queued",
      "run_started",
      "node_started",
      "node_failed",
      "run_failed",
    ]);
  });

  it("cancels a running run: the running tool's result is discarded, nothing after it runs", async () => {
    await publish({
      key: "wait-then-add",
      name: "Wait, then add",
      state: { n: { type: "number", default: 1 }, w: { type: "number", default: 0 } },
      start: "wait",
      nodes: [
        {
          id: "wait",
          kind: "tool",
          tool: "wait",
          inputs: { ms: { value: 600 }, value: { value: 1 } },
          outputs: { waited_ms: "w" },
        },
        {
          id: "add",
          kind: "tool",
          tool: "add",
          inputs: { a: { state: "n" }, b: { value: 1 } },
          outputs: { sum: "n" },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { from: "wait", to: "add" },
        { from: "add", to: "done" },
      ],
    });
    const started = await startRun(ctx.t.db, ctx.w.requester, {
      workflow: "wait-then-add",
      input: {},
    });
    const deadline = Date.now() + 10_000;
    while (!(await runLog(poolOf(ctx.t.db), started.id)).some((l) => l.kind === "node_started")) {
      if (Date.now() > deadline) throw new Error("never started");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await cancelRun(ctx.t.db, ctx.w.requester, started.id);
    expect(cancelled.status).toBe("CANCELLED");
    await expect(cancelRun(ctx.t.db, ctx.w.requester, started.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const discardDeadline = Date.now() + 10_000;
    let log = await runLog(poolOf(ctx.t.db), started.id);
    while (!log.some((l) => l.kind === "node_discarded") && Date.now() < discardDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      log = await runLog(poolOf(ctx.t.db), started.id);
    }
    expect(log.map((l) => l.kind)).toEqual([
      "run_queued",
      "run_started",
      "node_started",
      "run_cancelled",
      "node_discarded",
    ]);
    const run = await readRun(poolOf(ctx.t.db), started.id);
    expect(run?.state).toEqual({ n: 1, w: 0 });
    expect(
      (await runVisits(poolOf(ctx.t.db), started.id)).map((v) => [v.nodeId, v.status]),
    ).toEqual([["wait", "SKIPPED"]]);
  });
});
