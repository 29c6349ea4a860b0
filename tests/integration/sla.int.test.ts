import { describe, expect, it } from "vitest";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { escalateOverdue } from "@/lib/services/escalate-overdue";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { setupWorld } from "./world";

const ctx = setupWorld();

const HOUR = 3_600_000;
const T0 = new Date("2026-11-02T09:00:00.000Z");

async function submitAt(at: Date, fields = { amount: 500, currency: "EUR" }) {
  const draft = await createDraft(
    ctx.t.db,
    ctx.w.requester,
    { type: "PROCUREMENT", title: "Monitor", description: "A monitor", fields },
    at,
  );
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id, { now: at });
  return draft.id;
}

describe("the SLA sweep", () => {
  it("escalates overdue steps once, to their escalation role with a fresh due time", async () => {
    const overdue = await Promise.all([
      submitAt(T0),
      submitAt(new Date(T0.getTime() + HOUR)),
      submitAt(T0),
    ]);
    const notYet = await submitAt(new Date(T0.getTime() + 20 * HOUR));
    const sweepAt = new Date(T0.getTime() + 25 * HOUR + 1); // manager SLA is 24 h

    const result = await escalateOverdue(ctx.t.db, { now: sweepAt, batchSize: 2 });
    expect(result).toMatchObject({ escalated: 3, failed: 0 });

    for (const id of overdue) {
      const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
      expect(request).toMatchObject({
        status: "ESCALATED",
        stepRole: "DIRECTOR",
        stepDepartmentId: null,
      });
      expect(request.stepDueAt).toEqual(new Date(sweepAt.getTime() + 24 * HOUR));
      const last = await ctx.t.db.auditEvent.findFirstOrThrow({
        where: { requestId: id },
        orderBy: { seq: "desc" },
      });
      expect(last).toMatchObject({
        action: "SLA_ESCALATED",
        actorType: "SYSTEM",
        fromStatus: "IN_REVIEW",
        toStatus: "ESCALATED",
      });
      expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
    }
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id: notYet } })).status).toBe(
      "IN_REVIEW",
    );

    expect(await escalateOverdue(ctx.t.db, { now: sweepAt })).toMatchObject({ escalated: 0 });
  });

  it("escalates each step once when several sweepers run at the same time", async () => {
    const ids = await Promise.all(Array.from({ length: 9 }, () => submitAt(T0)));
    const sweepAt = new Date(T0.getTime() + 26 * HOUR);
    const results = await Promise.all([
      escalateOverdue(ctx.t.db, { now: sweepAt, batchSize: 2, concurrency: 2 }),
      escalateOverdue(ctx.t.db, { now: sweepAt, batchSize: 3, concurrency: 3 }),
    ]);
    expect(results.reduce((sum, r) => sum + r.escalated, 0)).toBe(9);
    for (const id of ids) {
      const escalations = await ctx.t.db.auditEvent.count({
        where: { requestId: id, action: "SLA_ESCALATED" },
      });
      expect(escalations).toBe(1);
      expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
    }
  });

  it("never escalates a step that a decision settled after the sweep read it", async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, () => submitAt(T0)));
    const sweepAt = new Date(T0.getTime() + 26 * HOUR);
    // Decisions and the sweep race: each step is settled by exactly one of them, whichever writes
    // first; the loser's write finds its row version gone (the sweep) or its step moved on (the
    // manager: refused).
    const [sweep, decided] = await Promise.all([
      escalateOverdue(ctx.t.db, { now: sweepAt, batchSize: 2, concurrency: 3 }),
      Promise.allSettled(
        ids.map((id) =>
          decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" }, sweepAt),
        ),
      ),
    ]);
    const approvals = decided.filter((d) => d.status === "fulfilled").length;
    expect(sweep.escalated + approvals).toBe(ids.length);
    for (const id of ids) {
      const actions = (
        await ctx.t.db.auditEvent.findMany({ where: { requestId: id }, orderBy: { seq: "asc" } })
      ).map((event) => event.action);
      expect(actions.filter((a) => a === "SLA_ESCALATED" || a === "APPROVED")).toHaveLength(1);
      expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
    }
  });

  it("leaves the escalated step to the escalation role, whose decision continues the chain", async () => {
    const id = await submitAt(T0, { amount: 20_000, currency: "EUR" });
    const sweptAt = new Date(T0.getTime() + 30 * HOUR);
    await escalateOverdue(ctx.t.db, { now: sweptAt });
    const decidedAt = new Date(sweptAt.getTime() + HOUR);
    await expect(
      decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" }, decidedAt),
    ).rejects.toMatchObject({ code: "WRONG_ROLE" });
    await decideStep(ctx.t.db, ctx.w.director, id, { decision: "approve" }, decidedAt);
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "IN_REVIEW",
      stepRole: "FINANCE",
    });
  });
});
