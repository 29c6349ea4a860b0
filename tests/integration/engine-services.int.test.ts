import { describe, expect, it } from "vitest";
import { loadRequest } from "@/lib/db/requests";
import { DEFAULT_WORKFLOWS } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { ServiceActor } from "@/lib/services/actor";
import { cancelRequest } from "@/lib/services/cancel-request";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { publishWorkflow } from "@/lib/services/publish-workflow";
import { resubmitRequest } from "@/lib/services/resubmit-request";
import { submitRequest } from "@/lib/services/submit-request";
import { updateDraft } from "@/lib/services/update-draft";
import { verifyAllAuditTrails, verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();

const chairs = {
  type: "PROCUREMENT" as const,
  title: "12 ergonomic chairs for Berlin",
  description: "12 ergonomic chairs for Berlin, EUR 14,280",
  fields: { amount: 14_280, currency: "EUR" },
};

async function submitted(actor: ServiceActor = ctx.w.requester, input = chairs) {
  const draft = await createDraft(ctx.t.db, actor, input);
  await submitRequest(ctx.t.db, actor, draft.id);
  return draft.id;
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function snapshot(id: string) {
  const [request, audit, visits, decisions] = await Promise.all([
    ctx.t.db.request.findUniqueOrThrow({ where: { id } }),
    ctx.t.db.auditEvent.count({ where: { requestId: id } }),
    ctx.t.db.nodeVisit.count({ where: { requestId: id } }),
    ctx.t.db.decision.count({ where: { requestId: id } }),
  ]);
  return { request, audit, visits, decisions };
}

describe("the PROCUREMENT journey through the services", () => {
  it("EUR 14,280 goes MANAGER → FINANCE → DIRECTOR and ends APPROVED with a verified audit trail", async () => {
    const id = await submitted();
    for (const approver of [ctx.w.managerEng, ctx.w.finance, ctx.w.director]) {
      await decideStep(ctx.t.db, approver, id, { decision: "approve" });
    }
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({
      status: "APPROVED",
      stepRole: null,
      currentNodeId: "approved",
    });
    expect(request.submittedAt).not.toBeNull();
    expect(request.completedAt).not.toBeNull();

    const audit = await ctx.t.db.auditEvent.findMany({
      where: { requestId: id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "CREATED",
      "SUBMITTED",
      "STEP_STARTED",
      "APPROVED",
      "STEP_STARTED",
      "APPROVED",
      "STEP_STARTED",
      "APPROVED",
      "COMPLETED",
    ]);
    expect(audit.at(-1)).toMatchObject({ actorType: "SYSTEM", toStatus: "APPROVED" });
    // The chain head kept on the request is the last event.
    expect(request).toMatchObject({ auditSeq: 9, auditHash: audit.at(-1)?.hash });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true, events: 9 });

    const visits = await ctx.t.db.nodeVisit.findMany({
      where: { requestId: id },
      orderBy: { startedAt: "asc" },
    });
    expect(visits.map((v) => [v.nodeId, v.outcome])).toEqual(
      expect.arrayContaining([
        ["manager", "approved"],
        ["finance", "approved"],
        ["director", "approved"],
        ["approved", "APPROVED"],
      ]),
    );
    expect(visits.every((v) => v.endedAt !== null && v.durationMs !== null)).toBe(true);
    expect(await ctx.t.db.decision.count({ where: { requestId: id, kind: "APPROVE" } })).toBe(3);
  });

  it("EUR 10,000 exactly needs only the MANAGER", async () => {
    const id = await submitted(ctx.w.requester, {
      ...chairs,
      fields: { amount: 10_000, currency: "EUR" },
    });
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });
});

describe("refusals change nothing, audit trail included", () => {
  it.each([
    ["the wrong role", () => ctx.w.finance, { decision: "approve" }, "WRONG_ROLE"],
    [
      // Not on the request's path: they may not know it exists (visibility.ts).
      "a manager of another department",
      () => ctx.w.managerOps,
      { decision: "approve" },
      "NOT_FOUND",
    ],
    [
      "a reject without reason",
      () => ctx.w.managerEng,
      { decision: "reject", reason: " " },
      "REASON_REQUIRED",
    ],
    [
      "request changes without comment",
      () => ctx.w.managerEng,
      { decision: "request_changes", comment: "" },
      "REASON_REQUIRED",
    ],
    [
      "an escalation without reason",
      () => ctx.w.managerEng,
      { decision: "escalate", reason: "" },
      "REASON_REQUIRED",
    ],
    [
      "a stale version",
      () => ctx.w.managerEng,
      { decision: "approve", version: 1 },
      "VERSION_CONFLICT",
    ],
    ["an unknown decision", () => ctx.w.managerEng, { decision: "maybe" }, "VALIDATION_FAILED"],
  ])("%s", async (_label, actor, input, code) => {
    const id = await submitted();
    const before = await snapshot(id);
    const error = await expectRefused(decideStep(ctx.t.db, actor(), id, input), code);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a decision on one's own request", async () => {
    const id = await submitted(ctx.w.managerEng);
    const other = await createUserAs(ctx.t.db, "manager2.eng@w.test", ["MANAGER"], ctx.w.eng);
    const before = await snapshot(id);
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" }),
      "OWN_REQUEST",
    );
    expect(await snapshot(id)).toEqual(before);
    await decideStep(ctx.t.db, other, id, { decision: "approve" });
  });

  it("a decision in the wrong state, and anything on a closed request", async () => {
    const draft = await createDraft(ctx.t.db, ctx.w.requester, chairs);
    // A draft is its requester's alone: to anyone else it does not exist.
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.managerEng, draft.id, { decision: "approve" }),
      "NOT_FOUND",
    );
    const id = await submitted();
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "reject",
      reason: "Not this quarter",
    });
    const before = await snapshot(id);
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.finance, id, { decision: "approve" }),
      "TERMINAL_STATE",
    );
    await expectRefused(cancelRequest(ctx.t.db, ctx.w.requester, id), "TERMINAL_STATE");
    expect(await snapshot(id)).toEqual(before);
  });

  it("fields cannot change after submission, except through changes requested", async () => {
    const id = await submitted();
    await expectRefused(
      updateDraft(ctx.t.db, ctx.w.requester, id, { fields: { amount: 100, currency: "EUR" } }),
      "FIELDS_LOCKED",
    );
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "request_changes",
      comment: "Get a second quote",
    });
    await updateDraft(ctx.t.db, ctx.w.requester, id, { fields: { amount: 900, currency: "EUR" } });
    await resubmitRequest(ctx.t.db, ctx.w.requester, id);
    const request = await loadRequest(ctx.t.db, id);
    expect(request?.state).toMatchObject({
      status: "IN_REVIEW",
      round: 2,
      currentNodeId: "manager_only",
      fields: { amount: 900 },
    });
  });

  it("someone else's draft cannot be edited, submitted or cancelled (to them it does not exist)", async () => {
    const draft = await createDraft(ctx.t.db, ctx.w.requester, chairs);
    await expectRefused(
      updateDraft(ctx.t.db, ctx.w.managerEng, draft.id, { fields: {} }),
      "NOT_FOUND",
    );
    await expectRefused(submitRequest(ctx.t.db, ctx.w.managerEng, draft.id), "NOT_FOUND");
    await expectRefused(cancelRequest(ctx.t.db, ctx.w.finance, draft.id), "NOT_FOUND");
  });

  it("refuses with the reason whoever may know of the request, and with NOT_FOUND anyone else", async () => {
    const id = await submitted();
    const version = (await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).version;
    const before = await snapshot(id);
    // On its path (the department's manager, finance further on): the real reason.
    await expectRefused(cancelRequest(ctx.t.db, ctx.w.managerEng, id), "NOT_REQUESTER");
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.finance, id, { decision: "approve" }),
      "WRONG_ROLE",
    );
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve", version: version - 1 }),
      "VERSION_CONFLICT",
    );
    // Not on its path, never acted on it: every refusal is NOT_FOUND, stale version included.
    for (const stranger of [ctx.w.hr, ctx.w.support, ctx.w.managerOps]) {
      await expectRefused(cancelRequest(ctx.t.db, stranger, id), "NOT_FOUND");
      await expectRefused(
        decideStep(ctx.t.db, stranger, id, { decision: "approve", version: version - 1 }),
        "NOT_FOUND",
      );
      await expectRefused(
        decideStep(ctx.t.db, stranger, id, {
          decision: "reject",
          reason: "Not needed this quarter",
        }),
        "NOT_FOUND",
      );
    }
    // The same answer as for an id that does not exist at all.
    const missing = await expectRefused(
      cancelRequest(ctx.t.db, ctx.w.hr, "00000000-0000-4000-8000-000000000000"),
      "NOT_FOUND",
    );
    const hidden = await expectRefused(cancelRequest(ctx.t.db, ctx.w.hr, id), "NOT_FOUND");
    expect(hidden.message).toBe(missing.message);
    expect(await snapshot(id)).toEqual(before);
  });

  it("submission without the type's required fields names them", async () => {
    const draft = await createDraft(ctx.t.db, ctx.w.requester, {
      ...chairs,
      fields: { amount: 50 },
    });
    const error = await expectRefused(
      submitRequest(ctx.t.db, ctx.w.requester, draft.id),
      "MISSING_FIELDS",
    );
    expect(error.issues).toEqual([{ field: "fields.currency", message: "Fill in: currency." }]);
  });

  it("invalid draft input names the field at fault", async () => {
    const error = await expectRefused(
      createDraft(ctx.t.db, ctx.w.requester, {
        ...chairs,
        fields: { amount: -3, currency: "EUR" },
      }),
      "VALIDATION_FAILED",
    );
    expect(error.issues.map((i) => i.field)).toEqual(["fields.amount"]);
    await expectRefused(
      createDraft(ctx.t.db, ctx.w.requester, { ...chairs, type: "TRAVEL" }),
      "VALIDATION_FAILED",
    );
  });

  it("an unknown request is NOT_FOUND", async () => {
    await expectRefused(
      decideStep(ctx.t.db, ctx.w.managerEng, crypto.randomUUID(), { decision: "approve" }),
      "NOT_FOUND",
    );
  });
});

describe("concurrency", () => {
  it("of 50 concurrent approvals of one step exactly one wins, with one audit event", async () => {
    const id = await submitted();
    const managers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createUserAs(ctx.t.db, `m${i}.eng@w.test`, ["MANAGER"], ctx.w.eng),
      ),
    );
    const results = await Promise.allSettled(
      managers.map((m) => decideStep(ctx.t.db, m, id, { decision: "approve" })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected")
        expect(["VERSION_CONFLICT", "WRONG_ROLE"]).toContain((r.reason as AppError).code);
    }
    expect(await ctx.t.db.auditEvent.count({ where: { requestId: id, action: "APPROVED" } })).toBe(
      1,
    );
    expect(await ctx.t.db.decision.count({ where: { requestId: id } })).toBe(1);
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "IN_REVIEW", stepRole: "FINANCE" });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });
});

describe("workflow versions", () => {
  it("a running request keeps its version when a new one is published; new ones use the new one", async () => {
    const running = await submitted(ctx.w.requester, {
      ...chairs,
      fields: { amount: 8_000, currency: "EUR" },
    });
    const v1 = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: running } })).workflowId;

    const stricter = structuredClone(DEFAULT_WORKFLOWS.PROCUREMENT);
    stricter.edges = stricter.edges.map((e) =>
      e.when === "amount > 10000" ? { ...e, when: "amount > 5000" } : e,
    );
    const v2 = await publishWorkflow(ctx.t.db, stricter);
    expect(v2.version).toBe(2);

    await decideStep(ctx.t.db, ctx.w.managerEng, running, { decision: "approve" });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id: running } })).status).toBe(
      "APPROVED",
    );

    const fresh = await submitted(ctx.w.requester, {
      ...chairs,
      fields: { amount: 8_000, currency: "EUR" },
    });
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id: fresh } });
    expect(request.workflowId).toBe(v2.id);
    expect(request.workflowId).not.toBe(v1);
    await decideStep(ctx.t.db, ctx.w.managerEng, fresh, { decision: "approve" });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id: fresh } })).stepRole).toBe(
      "FINANCE",
    );
  });

  it("an invalid definition is refused with every problem, node by node, and nothing is saved", async () => {
    const before = await ctx.t.db.workflowDefinition.count();
    const broken = structuredClone(DEFAULT_WORKFLOWS.LEAVE);
    broken.edges.push({ from: "hr", to: "nowhere" }, { from: "route", to: "hr", when: "days >" });
    const error = await expectRefused(publishWorkflow(ctx.t.db, broken), "INVALID_WORKFLOW");
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "nodes.hr",
          message: 'edge from "hr" leads to unknown node "nowhere"',
        }),
        expect.objectContaining({
          field: "nodes.route",
          message: expect.stringContaining('bad condition "days >"'),
        }),
        expect.objectContaining({
          field: "nodes.hr",
          message: 'node "hr" has more than one default edge',
        }),
      ]),
    );
    expect(await ctx.t.db.workflowDefinition.count()).toBe(before);
  });
});

describe("the audit trail", () => {
  it("is append-only in the database itself", async () => {
    const id = await submitted();
    await expect(
      ctx.t.db.$executeRawUnsafe(
        `UPDATE audit_events SET action = 'FORGED' WHERE request_id = $1::uuid`,
        id,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.t.db.$executeRawUnsafe(`DELETE FROM audit_events WHERE request_id = $1::uuid`, id),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.t.db.$executeRawUnsafe(`TRUNCATE audit_events CASCADE`)).rejects.toThrow(
      /append-only/,
    );
    expect(await ctx.t.db.auditEvent.count({ where: { requestId: id } })).toBe(3);
  });

  it("keeps its requests: a request can never be deleted, so no event loses its request", async () => {
    const id = await submitted();
    await expect(ctx.t.db.request.delete({ where: { id } })).rejects.toThrow(/never deleted/);
    await expect(ctx.t.db.$executeRawUnsafe("TRUNCATE requests CASCADE")).rejects.toThrow(
      /never deleted|append-only/,
    );
    expect(await ctx.t.db.request.count({ where: { id } })).toBe(1);
  });

  it("verification reports the first broken link of a tampered trail", async () => {
    const id = await submitted();
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true, events: 5 });
    // Someone with superuser rights switches the trigger off and edits history.
    await ctx.t.db.$transaction([
      ctx.t.db.$executeRawUnsafe(
        `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`,
      ),
      ctx.t.db.$executeRawUnsafe(
        `UPDATE audit_events SET data = data || '{"reason":"rewritten"}' WHERE request_id = $1::uuid AND seq = 3`,
        id,
      ),
      ctx.t.db.$executeRawUnsafe(
        `ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`,
      ),
    ]);
    const verdict = await verifyRequestAuditTrail(ctx.t.db, id);
    expect(verdict).toMatchObject({ ok: false, brokenAt: { seq: 3 }, reason: "hash mismatch" });
  });
});

describe("verifying the whole trail", () => {
  it("finds a cut-off tail, which the chain alone cannot show, and reports every broken request", async () => {
    const intact = await submitted();
    const cut = await submitted();
    await decideStep(ctx.t.db, ctx.w.managerEng, cut, { decision: "approve" });
    await ctx.t.db.$transaction([
      ctx.t.db.$executeRawUnsafe(
        `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`,
      ),
      ctx.t.db.$executeRawUnsafe(
        `DELETE FROM audit_events WHERE request_id = $1::uuid AND seq >= 4`,
        cut,
      ),
      ctx.t.db.$executeRawUnsafe(
        `ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`,
      ),
    ]);
    expect(await verifyRequestAuditTrail(ctx.t.db, cut)).toMatchObject({
      ok: false,
      brokenAt: { seq: 4 },
      reason: "chain ends before the recorded head",
    });
    expect(await verifyRequestAuditTrail(ctx.t.db, intact)).toMatchObject({ ok: true });

    const report = await verifyAllAuditTrails(ctx.t.db, { batchSize: 7 });
    expect(report.requests).toBe(await ctx.t.db.request.count());
    expect(report.broken).toContainEqual({
      stream: `request:${cut}`,
      requestId: cut,
      seq: 4,
      reason: "chain ends before the recorded head",
    });
    expect(report.broken.map((b) => b.requestId)).not.toContain(intact);
  });
});

describe("cancel", () => {
  it("closes the open step and records who withdrew it", async () => {
    const id = await submitted();
    await cancelRequest(ctx.t.db, ctx.w.requester, id, { reason: "Bought elsewhere" });
    const request = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "CANCELLED", stepRole: null });
    const visit = await ctx.t.db.nodeVisit.findFirstOrThrow({
      where: { requestId: id, nodeId: "manager" },
    });
    expect(visit.outcome).toBe("cancelled");
    const last = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id },
      orderBy: { seq: "desc" },
    });
    expect(last).toMatchObject({ action: "CANCELLED", actorId: ctx.w.requester.id });
  });
});
