/**
 * Concurrent transition writes are grouped into one statement (lib/db/transition-writer.ts): each
 * request keeps its own version guard, a request appears once per group, and one bad write never
 * fails the others.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { jobsAboutRequest } from "@/lib/db/job-queue";
import { type LoadedRequest, loadRequest, persistTransition } from "@/lib/db/requests";
import { writerStats } from "@/lib/db/transition-writer";
import { workflowById } from "@/lib/db/workflows";
import { type EngineEvent, type Transition, transition } from "@/lib/engine";
import { engineActor } from "@/lib/services/actor";
import { createRequest } from "@/lib/services/create-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { setupWorld } from "./world";

const ctx = setupWorld();

async function submittedLeaves(count: number): Promise<LoadedRequest[]> {
  const loaded: LoadedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await createRequest(ctx.t.db, ctx.w.requester, {
      text: `Day off number ${i}`,
      type: "LEAVE",
      fields: { days: 1 },
      intent: "submit",
    });
    loaded.push((await loadRequest(ctx.t.db, id)) as LoadedRequest);
  }
  return loaded;
}

async function decide(loaded: LoadedRequest, event: EngineEvent): Promise<Transition> {
  const workflow = await workflowById(ctx.t.db, loaded.workflowId as string);
  const result = transition({
    definition: workflow.definition,
    state: loaded.state,
    event,
    actor: engineActor(ctx.w.managerEng),
    now: new Date(),
    newId: randomUUID,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.transition;
}

const write = (loaded: LoadedRequest, t: Transition) =>
  persistTransition(ctx.t.db, loaded, t, new Date(), loaded.workflowId);

describe("grouped transition writes", () => {
  it("writes a burst of decisions on different requests, each with its run log and audit chain", async () => {
    const requests = await submittedLeaves(12);
    const transitions = await Promise.all(requests.map((r) => decide(r, { type: "APPROVE" })));
    // The first writes go at once, alone; the rest queue meanwhile and go as groups. A bad write in
    // the first group (a status the database does not know) fails alone: its group is retried
    // member by member, and its request's good write, deferred to a later group, succeeds.
    const before = writerStats(poolOf(ctx.t.db));
    const last = requests.length - 1;
    const bogus = requests[last] as LoadedRequest;
    const early = requests.slice(0, 2).map((r, i) => write(r, transitions[i] as Transition));
    const bad = write(bogus, {
      ...(transitions[last] as Transition),
      state: { ...(transitions[last] as Transition).state, status: "BOGUS" as never },
    }).then(
      () => "written",
      (error: unknown) => error,
    );
    const rest = requests.slice(2).map((r, i) => write(r, transitions[i + 2] as Transition));
    const versions = await Promise.all([...early, ...rest]);
    expect(await bad).toMatchObject({ code: "22P02" }); // invalid input value for the enum
    expect(versions).toEqual(requests.map((r) => r.version + 1));
    const after = writerStats(poolOf(ctx.t.db));
    expect(after.fallbacks - before.fallbacks).toBe(1); // the group with the bad write
    for (const r of requests) {
      const row = await ctx.t.db.request.findUniqueOrThrow({ where: { id: r.state.id } });
      expect(row.status).toBe("APPROVED");
      expect(await ctx.t.db.decision.count({ where: { requestId: r.state.id } })).toBe(1);
      expect(await ctx.t.db.nodeVisit.count({ where: { requestId: r.state.id } })).toBeGreaterThan(
        0,
      );
      expect(await verifyRequestAuditTrail(ctx.t.db, r.state.id)).toMatchObject({ ok: true });
    }
  });

  it("lets exactly one of two writes on the same request win, even in one burst", async () => {
    const requests = await submittedLeaves(6);
    const target = requests[0] as LoadedRequest;
    const approve = await decide(target, { type: "APPROVE" });
    const reject = await decide(target, { type: "REJECT", reason: "No cover that week" });
    const fillers = await Promise.all(requests.slice(1).map((r) => decide(r, { type: "APPROVE" })));
    const before = writerStats(poolOf(ctx.t.db));
    const [first, ...others] = await Promise.all([
      write(requests[1] as LoadedRequest, fillers[0] as Transition), // goes alone: the rest queue up
      write(target, approve),
      write(target, reject),
      ...requests.slice(2).map((r, i) => write(r, fillers[i + 1] as Transition)),
    ]);
    expect(first).not.toBeNull();
    // The queued writes (the second one on the target among them) went as one group.
    const after = writerStats(poolOf(ctx.t.db));
    expect(after.groups - before.groups).toBe(1);
    expect(after.grouped - before.grouped).toBe(5);
    expect(after.fallbacks - before.fallbacks).toBe(0);
    const [approved, rejected] = others;
    expect([approved, rejected].filter((v) => v !== null)).toHaveLength(1);
    const events = await ctx.t.db.auditEvent.findMany({
      where: { requestId: target.state.id, action: { in: ["APPROVED", "REJECTED"] } },
    });
    expect(events).toHaveLength(1);
    expect(await ctx.t.db.decision.count({ where: { requestId: target.state.id } })).toBe(1);
    expect(await verifyRequestAuditTrail(ctx.t.db, target.state.id)).toMatchObject({ ok: true });
    // Only the winner's job is queued: one mail to the requester about its one outcome.
    const jobs = await jobsAboutRequest(poolOf(ctx.t.db), target.state.id);
    const outcome = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: target.state.id, action: "COMPLETED" },
    });
    expect(jobs.filter((j) => j.task === "notify:requester").map((j) => j.payload)).toEqual([
      { requestId: target.state.id, seq: outcome.seq },
    ]);
  });

  it("queues a new step's mail with the write that starts it, and none for a write that lost", async () => {
    const { id } = await createRequest(ctx.t.db, ctx.w.requester, {
      text: "Twelve chairs, EUR 14,280",
      type: "PROCUREMENT",
      fields: { amount: 14_280, currency: "EUR" },
      intent: "submit",
    });
    const loaded = (await loadRequest(ctx.t.db, id)) as LoadedRequest;
    // The same approval computed twice (two tabs): each names its own FINANCE step visit.
    const [one, two] = await Promise.all([
      decide(loaded, { type: "APPROVE" }),
      decide(loaded, { type: "APPROVE" }),
    ]);
    const versions = await Promise.all([
      write(loaded, one as Transition),
      write(loaded, two as Transition),
    ]);
    expect(versions.filter((v) => v !== null)).toHaveLength(1);
    const winner = (versions[0] !== null ? one : two) as Transition;
    const started = (await jobsAboutRequest(poolOf(ctx.t.db), id)).filter(
      (j) => j.task === "notify:step" && j.payload.kind === "started",
    );
    // The manager step's mail (from the submission) and the finance step's, from the winner only.
    expect(started.map((j) => j.payload.visitId)).toEqual([
      loaded.state.step?.visitId,
      winner.state.step?.visitId,
    ]);
  });
});
