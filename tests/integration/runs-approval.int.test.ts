/**
 * Approval nodes inside runs (issue 15): the "recommended action" demo reads a request with the
 * assistant, opens it as a request that goes through its type's chain (the manager's inbox), and
 * goes on with the decision: approved → the request's action runs once and the run ends
 * approved; rejected → it ends declined. A visit run twice opens one request; cancelling the run
 * withdraws its request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { readRun, runLog } from "@/lib/db/runs";
import { decideStep } from "@/lib/services/decide-step";
import { cancelRun } from "@/lib/services/runs/cancel-run";
import { runNode } from "@/lib/services/runs/run-node";
import { startRun } from "@/lib/services/runs/start-run";
import { runOfRequest } from "@/lib/services/runs/view-run";
import { startJobWorker } from "./job-worker";
import { setupWorld } from "./world";

const ctx = setupWorld();
let worker: Awaited<ReturnType<typeof startJobWorker>>;
beforeAll(async () => {
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { concurrency: 4 });
});
afterAll(async () => {
  await worker?.stop();
});

async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const TEXT =
  "Two monitors for the support desk, EUR 600 in total. Please email facilities@example.com to schedule the delivery once approved.";

/** Starts the demo and waits until it asks for approval: the run and its request. */
async function waitingRun() {
  const { id } = await startRun(ctx.t.db, ctx.w.requester, {
    workflow: "recommended-action",
    input: { text: TEXT },
  });
  const line = await until("the approval request", async () =>
    (await runLog(poolOf(ctx.t.db), id)).find((l) => l.kind === "approval_requested"),
  );
  return { runId: id, requestId: String(line.data?.requestId) };
}

const finished = (runId: string) =>
  until("the run to finish", async () => {
    const run = await readRun(poolOf(ctx.t.db), runId);
    return run && run.status !== "RUNNING" && run.status !== "QUEUED" ? run : null;
  });

describe("approval nodes inside runs", () => {
  it("opens the request the assistant read, waits for people, and goes on once it is approved", async () => {
    const { runId, requestId } = await waitingRun();
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({
      status: "IN_REVIEW",
      type: "PROCUREMENT",
      requesterId: ctx.w.requester.id,
      stepRole: "MANAGER",
      stepDepartmentId: ctx.w.eng,
    });
    expect(request.fields).toMatchObject({ amount: 600, currency: "EUR" });
    expect((await readRun(poolOf(ctx.t.db), runId))?.status).toBe("RUNNING");
    // Its page says a run asked for it; the starter may open the run, the approver may not.
    expect(await runOfRequest(ctx.t.db, ctx.w.requester, requestId)).toEqual({
      workflow: "Recommended action",
      runId,
    });
    expect(await runOfRequest(ctx.t.db, ctx.w.managerEng, requestId)).toEqual({
      workflow: "Recommended action",
      runId: null,
    });

    // The job of that visit run again (a crash before it finished): still one request.
    await runNode(ctx.t.db, { runId, nodeId: "approve", visit: 1 });
    expect(await ctx.t.db.request.count({ where: { description: TEXT } })).toBe(1);

    await decideStep(ctx.t.db, ctx.w.managerEng, requestId, { decision: "approve" });
    const run = await finished(runId);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.state).toMatchObject({
      outcome: "approved",
      request_id: requestId,
      reference: `FG-${request.number}`,
    });
    const log = await runLog(poolOf(ctx.t.db), runId);
    expect(log.filter((l) => l.kind === "node_finished").map((l) => l.nodeId)).toEqual([
      "analyse",
      "approve",
      "approved",
    ]);
    // The request's action (the e-mail the text asked for) runs once, as for any request.
    expect(request.action).toMatchObject({
      tool: "send_email",
      params: { to: "facilities@example.com" },
    });
    await until("the action to run", async () =>
      (await ctx.t.db.actionRun.findMany({ where: { requestId } })).find(
        (r) => r.status !== "QUEUED",
      ),
    );
    expect(await ctx.t.db.actionRun.count({ where: { requestId } })).toBe(1);
  });

  it("ends declined when the request is rejected", async () => {
    const { runId, requestId } = await waitingRun();
    await decideStep(ctx.t.db, ctx.w.managerEng, requestId, {
      decision: "reject",
      reason: "Not this quarter.",
    });
    const run = await finished(runId);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.state.outcome).toBe("rejected");
    const ends = (await runLog(poolOf(ctx.t.db), runId))
      .filter((l) => l.kind === "node_finished")
      .map((l) => l.nodeId);
    expect(ends.at(-1)).toBe("declined");
  });

  it("withdraws the request when the run is cancelled", async () => {
    const { runId, requestId } = await waitingRun();
    await cancelRun(ctx.t.db, ctx.w.requester, runId);
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("CANCELLED");
    expect((await readRun(poolOf(ctx.t.db), runId))?.status).toBe("CANCELLED");
  });
});
