/**
 * Steps that wait far longer than anyone plans for (a request left in an inbox over the holidays,
 * a parental leave, a forgotten ticket) can still be decided, escalated and swept, and their run
 * log records the whole wait. A 32-bit duration once made every transition on such a request fail
 * after 24.8 days (2^31 ms). Every instant here is fixed and passed in: nothing reads the clock.
 */
import { describe, expect, it } from "vitest";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { escalateOverdue } from "@/lib/services/escalate-overdue";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { setupWorld } from "./world";

const ctx = setupWorld();

const DAY = 86_400_000;
const T0 = new Date("2026-03-02T09:00:00.000Z");
const day = (n: number) => new Date(T0.getTime() + n * DAY);

/** A PROCUREMENT of EUR 500 (MANAGER only; escalates to DIRECTOR), submitted at `at`. */
async function submittedAt(at: Date) {
  const draft = await createDraft(
    ctx.t.db,
    ctx.w.requester,
    {
      type: "PROCUREMENT",
      title: "Monitor",
      description: "A monitor, EUR 500",
      fields: { amount: 500, currency: "EUR" },
    },
    at,
  );
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id, { now: at });
  return draft.id;
}

/** The manager step's run-log visit (node "manager_only": PROCUREMENT up to 10,000), via Prisma. */
async function managerVisit(id: string) {
  return ctx.t.db.nodeVisit.findFirstOrThrow({ where: { requestId: id, nodeId: "manager_only" } });
}

describe("a step that waited 400 days", () => {
  it("is approved, and its visit records the 400 days", async () => {
    const id = await submittedAt(T0);
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" }, day(400));

    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "APPROVED",
      completedAt: day(400),
    });
    expect(await managerVisit(id)).toMatchObject({
      startedAt: T0,
      endedAt: day(400),
      durationMs: BigInt(400 * DAY),
      outcome: "approved",
    });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("is rejected with its reason", async () => {
    const id = await submittedAt(T0);
    await decideStep(
      ctx.t.db,
      ctx.w.managerEng,
      id,
      { decision: "reject", reason: "Bought elsewhere in the meantime" },
      day(400),
    );

    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
    expect(await managerVisit(id)).toMatchObject({
      durationMs: BigInt(400 * DAY),
      outcome: "rejected",
    });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("is escalated by hand, and the escalation role's decision 400 days later ends it", async () => {
    const id = await submittedAt(T0);
    await decideStep(
      ctx.t.db,
      ctx.w.managerEng,
      id,
      { decision: "escalate", reason: "Needs the director" },
      day(400),
    );
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ESCALATED",
      stepRole: "DIRECTOR",
      stepStartedAt: T0,
      stepDueAt: new Date(day(400).getTime() + 24 * 3_600_000),
    });

    await decideStep(ctx.t.db, ctx.w.director, id, { decision: "approve" }, day(800));
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
    // One visit for the whole step, from its start to the escalation role's decision.
    expect(await managerVisit(id)).toMatchObject({
      startedAt: T0,
      endedAt: day(800),
      durationMs: BigInt(800 * DAY),
      outcome: "approved",
    });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("is escalated by the SLA sweep, then decided by the escalation role", async () => {
    const id = await submittedAt(T0);
    expect(await escalateOverdue(ctx.t.db, { now: day(400) })).toMatchObject({
      escalated: 1,
      failed: 0,
    });
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ESCALATED",
      stepRole: "DIRECTOR",
      stepEscalatedAt: day(400),
    });

    await decideStep(ctx.t.db, ctx.w.director, id, { decision: "approve" }, day(401));
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
    expect(await managerVisit(id)).toMatchObject({ durationMs: BigInt(401 * DAY) });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });
});

describe("the run log", () => {
  it("writes and reads back a visit that started ten years before it ended", async () => {
    const started = new Date("2016-03-02T09:00:00.000Z");
    const ended = new Date("2026-03-02T09:00:00.000Z");
    const tenYears = ended.getTime() - started.getTime(); // 3,652 days: 2020 and 2024 are leap years
    expect(tenYears).toBe(3_652 * DAY);
    const id = await submittedAt(started);
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" }, ended);

    expect(await managerVisit(id)).toMatchObject({
      startedAt: started,
      endedAt: ended,
      durationMs: BigInt(tenYears),
    });
    // The raw column, as reports and other SQL clients read it.
    const [row] = await ctx.t.db.$queryRaw<{ type: string; duration_ms: bigint }[]>`
      SELECT pg_typeof(duration_ms)::text AS type, duration_ms FROM node_visits
      WHERE request_id = ${id}::uuid AND node_id = 'manager_only'`;
    expect(row).toEqual({ type: "bigint", duration_ms: BigInt(tenYears) });
  });
});
