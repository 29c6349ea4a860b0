/**
 * Verifying every chain as a job: the run's row shows progress and findings (the broken request,
 * its event and the reason), one runs at a time, and only auditors may start one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "@/lib/services/create-draft";
import { submitRequest } from "@/lib/services/submit-request";
import { recentVerifications, runVerification, startVerification } from "@/lib/services/verify-all";
import { startJobWorker } from "./job-worker";
import { createUserAs, errorOf, setupWorld } from "./world";

const ctx = setupWorld();
let worker: Awaited<ReturnType<typeof startJobWorker>>;

beforeAll(async () => {
  worker = await startJobWorker(ctx.t.db, ctx.t.url);
});
afterAll(async () => {
  await worker?.stop();
});

async function submitted(title: string): Promise<string> {
  const draft = await createDraft(ctx.t.db, ctx.w.requester, {
    type: "GENERAL",
    title,
    description: `${title} for the office`,
    fields: {},
  });
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
  return draft.id;
}

async function finished(id: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const run = (await recentVerifications(ctx.t.db)).find((r) => r.id === id);
    if (run && run.status !== "RUNNING") return run;
    if (Date.now() > deadline) throw new Error(`verification ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("verifying every chain", () => {
  it("runs as a job, counts every chain and event, and names each broken one", async () => {
    const auditor = await createUserAs(ctx.t.db, "auditor@verify.test", ["ADMIN"], null);
    const ids = [await submitted("A plant"), await submitted("A lamp"), await submitted("A desk")];
    const clean = await finished(await startVerification(ctx.t.db, auditor));
    expect(clean).toMatchObject({ status: "DONE", brokenCount: 0, requestedBy: "auditor" });
    expect(clean.chainsChecked).toBe(clean.totalChains);
    expect(clean.chainsChecked).toBeGreaterThanOrEqual(3);
    expect(clean.eventsChecked).toBeGreaterThanOrEqual(9);

    const broken = ids[1] as string;
    await ctx.t.db.$executeRawUnsafe(
      "UPDATE requests SET status = 'APPROVED' WHERE id = $1::uuid",
      broken,
    );
    const run = await finished(await startVerification(ctx.t.db, auditor));
    expect(run.status).toBe("DONE");
    expect(run.brokenCount).toBe(1);
    const number = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: broken } })).number;
    expect(run.broken).toEqual([
      {
        stream: `request:${broken}`,
        requestId: broken,
        number,
        seq: expect.any(Number),
        reason: "the request's status record does not match its events",
      },
    ]);
    await ctx.t.db.$executeRawUnsafe(
      "UPDATE requests SET status = 'IN_REVIEW' WHERE id = $1::uuid",
      broken,
    );
  });

  it("runs one at a time, and only for those who may read the audit trail", async () => {
    const auditor = await createUserAs(ctx.t.db, "auditor2@verify.test", ["ADMIN"], null);
    // A run in progress (its row says so): the next is refused until it ends.
    const now = new Date();
    await ctx.t.db.auditVerification.create({
      data: { id: crypto.randomUUID(), startedAt: now, status: "RUNNING" },
    });
    expect((await errorOf(startVerification(ctx.t.db, auditor, now))).code).toBe("ALREADY_RUNNING");
    // One silent for ten minutes is taken for dead.
    const later = new Date(now.getTime() + 11 * 60 * 1000);
    const id = await startVerification(ctx.t.db, auditor, later);
    await finished(id);
    expect((await errorOf(startVerification(ctx.t.db, ctx.w.managerEng))).code).toBe("FORBIDDEN");
  });

  it("the nightly run makes its own row", async () => {
    const before = (await recentVerifications(ctx.t.db, 100)).length;
    await runVerification(ctx.t.db, null, new Date(Date.now() + 60 * 60 * 1000));
    const runs = await recentVerifications(ctx.t.db, 100);
    expect(runs.length).toBe(before + 1);
    expect(runs.find((r) => r.requestedBy === null && r.status === "DONE")).toBeDefined();
  });
});
