/**
 * The services behind the request pages and the inbox: creating from the form, the list with
 * filters, who may see a request and what they may do, the inbox JSON, bulk approval.
 */
import { describe, expect, it } from "vitest";
import { ownRequestsPage } from "@/lib/db/request-view";
import type { RequestFields } from "@/lib/engine";
import { bulkApprove } from "@/lib/services/bulk-approve";
import { createRequest } from "@/lib/services/create-request";
import { decideStep } from "@/lib/services/decide-step";
import { editRequest } from "@/lib/services/edit-request";
import { inboxFor } from "@/lib/services/inbox";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { currentStateFor, viewRequest } from "@/lib/services/view-request";
import { createUserAs, errorOf, localAi, setupWorld } from "./world";

const ctx = setupWorld();

const ai = localAi;

const chairs = "12 ergonomic chairs for the Berlin office";

/** The requester's chairs request, saved or submitted through the new-request form's service. */
const chairsRequest = (intent: "save" | "submit", fields: RequestFields) =>
  createRequest(
    ctx.t.db,
    ctx.w.requester,
    { text: chairs, type: "PROCUREMENT", fields, intent },
    { ai },
  );

describe("createRequest (the New request form)", () => {
  it("stores the confirmed type and fields with the AI's own reading, and routes on submit", async () => {
    const created = await chairsRequest("submit", { amount: 14_280, currency: "EUR" });
    expect(created).toMatchObject({ submitted: true, submitError: null });
    const row = await ctx.t.db.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      status: "IN_REVIEW",
      type: "PROCUREMENT",
      stepRole: "MANAGER",
      title: chairs,
      fields: { amount: 14_280, currency: "EUR" },
    });
    expect(row.confirmedAt).not.toBeNull();
    expect((row.enrichment as { type: string }).type).toBe("PROCUREMENT");
    const actions = (
      await ctx.t.db.auditEvent.findMany({
        where: { requestId: created.id },
        orderBy: { seq: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["CREATED", "ENRICHED", "SUBMITTED", "STEP_STARTED"]);
    expect(await verifyRequestAuditTrail(ctx.t.db, created.id)).toMatchObject({ ok: true });
  });

  it("keeps what the requester chose over the AI's suggestion", async () => {
    const created = await chairsRequest("save", { amount: 9_000, currency: "USD" });
    const row = await ctx.t.db.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "DRAFT", fields: { amount: 9_000, currency: "USD" } });
  });

  it("refuses a submission with a missing or invalid field at the field, and saves nothing", async () => {
    const before = await ctx.t.db.request.count();
    const missing = await errorOf(
      createRequest(
        ctx.t.db,
        ctx.w.requester,
        { text: chairs, type: "PROCUREMENT", fields: { currency: "EUR" }, intent: "submit" },
        { ai },
      ),
    );
    expect(missing.code).toBe("VALIDATION_FAILED");
    expect(missing.issues).toEqual([
      { field: "fields.amount", message: "Amount is required for a procurement request." },
    ]);
    const invalid = await errorOf(
      createRequest(
        ctx.t.db,
        ctx.w.requester,
        { text: chairs, type: "LEAVE", fields: { days: -2 }, intent: "save" },
        { ai },
      ),
    );
    expect(invalid.issues).toEqual([
      { field: "fields.days", message: "Days must be more than 0." },
    ]);
    const tooShort = await errorOf(
      createRequest(
        ctx.t.db,
        ctx.w.requester,
        { text: "hi", type: "GENERAL", fields: {}, intent: "save" },
        { ai },
      ),
    );
    expect(tooShort.issues.map((i) => i.field)).toEqual(["text"]);
    expect(await ctx.t.db.request.count()).toBe(before);
  });
});

describe("who sees a request, and what they may do", () => {
  it("shows it to the requester and the approvers on its path, and to nobody else", async () => {
    const { id } = await chairsRequest("submit", { amount: 14_280, currency: "EUR" });
    const own = await viewRequest(ctx.t.db, ctx.w.requester, id);
    expect(own.actions).toEqual(["cancel"]);
    expect(own.chain.steps.map((s) => [s.role, s.state])).toEqual([
      ["MANAGER", "current"],
      ["FINANCE", "upcoming"],
      ["DIRECTOR", "upcoming"],
    ]);
    expect(own.currentStep).toBe("step 1 of 3: MANAGER");
    expect(own.detail.timeline.map((e) => e.action)).toContain("ENRICHED");

    const manager = await viewRequest(ctx.t.db, ctx.w.managerEng, id);
    expect(manager.actions).toEqual(["approve", "reject", "request_changes", "escalate"]);
    const finance = await viewRequest(ctx.t.db, ctx.w.finance, id);
    expect(finance.actions).toEqual([]); // on the path, not its turn yet

    for (const outsider of [ctx.w.managerOps, ctx.w.hr]) {
      expect((await errorOf(viewRequest(ctx.t.db, outsider, id))).code).toBe("NOT_FOUND");
    }
    expect((await errorOf(viewRequest(ctx.t.db, ctx.w.requester, "not-a-uuid"))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("keeps drafts to their requester", async () => {
    const { id } = await chairsRequest("save", { amount: 14_280, currency: "EUR" });
    expect((await viewRequest(ctx.t.db, ctx.w.requester, id)).actions).toEqual([
      "edit",
      "submit",
      "cancel",
    ]);
    expect((await errorOf(viewRequest(ctx.t.db, ctx.w.managerEng, id))).code).toBe("NOT_FOUND");
  });

  it("tells an approver who lost a race what happened", async () => {
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      {
        text: "Two days off, 2 days of leave next week please",
        type: "LEAVE",
        fields: { days: 2 },
        intent: "submit",
      },
      { ai },
    );
    const before = await viewRequest(ctx.t.db, ctx.w.managerEng, id);
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    const late = await errorOf(
      decideStep(ctx.t.db, ctx.w.managerEng, id, {
        decision: "reject",
        reason: "Too late",
        version: before.detail.loaded.version,
      }),
    );
    expect(late.code).toBe("VERSION_CONFLICT");
    // The newest thing a person did (not the workflow's "completed" after it), and that it was
    // this same person (another tab of theirs).
    expect(await currentStateFor(ctx.t.db, ctx.w.managerEng, id)).toMatchObject({
      status: "APPROVED",
      lastAction: "APPROVED",
      lastActor: "you",
      lastByYou: true,
      currentStep: null,
    });
    expect(await currentStateFor(ctx.t.db, ctx.w.managerOps, id)).toBeNull();
  });
});

describe("ownRequestsPage", () => {
  it("filters by status and type, searches title, text and number, and pages", async () => {
    const someone = await createUserAs(ctx.t.db, "lister@w.test", ["REQUESTER"], ctx.w.eng);
    const made: { id: string; number: number }[] = [];
    for (let i = 0; i < 23; i++) {
      made.push(
        await createRequest(
          ctx.t.db,
          someone,
          {
            text: i % 2 ? `Laptop stand number ${i}, EUR 40` : `Printer toner batch ${i}, EUR 90`,
            type: "PROCUREMENT",
            fields: { amount: i % 2 ? 40 : 90, currency: "EUR" },
            intent: i < 3 ? "submit" : "save",
          },
          { ai },
        ),
      );
    }
    const first = await ownRequestsPage(ctx.t.db, someone.id, { page: 1 });
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    const second = await ownRequestsPage(ctx.t.db, someone.id, { page: 2 });
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(23);
    // A page past the end shows the last one.
    expect((await ownRequestsPage(ctx.t.db, someone.id, { page: 99 })).page).toBe(2);

    const reviewing = await ownRequestsPage(ctx.t.db, someone.id, { page: 1, status: "IN_REVIEW" });
    expect(reviewing.total).toBe(3);
    expect(
      reviewing.items.every((r) => r.stepRole === "MANAGER" && r.stepDepartment === "Engineering"),
    ).toBe(true);
    expect((await ownRequestsPage(ctx.t.db, someone.id, { page: 1, q: "laptop" })).total).toBe(11);
    expect((await ownRequestsPage(ctx.t.db, someone.id, { page: 1, type: "LEAVE" })).total).toBe(0);
    const byNumber = await ownRequestsPage(ctx.t.db, someone.id, {
      page: 1,
      q: `FG-${made[4]?.number}`,
    });
    expect(byNumber.items.map((r) => r.id)).toEqual([made[4]?.id]);
    // Someone else's requests never show.
    expect((await ownRequestsPage(ctx.t.db, ctx.w.hr.id, { page: 1, q: "laptop" })).total).toBe(0);
  });
});

describe("the inbox and bulk approval", () => {
  it("serves the inbox as JSON pages with a cursor, and refuses a forged cursor", async () => {
    const approver = await createUserAs(ctx.t.db, "inbox.fin@w.test", ["FINANCE"], ctx.w.ops);
    // Two requests waiting for FINANCE (over 10,000: the manager approved, finance is next).
    for (const amount of [12_000, 13_000]) {
      const { id } = await chairsRequest("submit", { amount, currency: "EUR" });
      await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    }
    const all = await inboxFor(ctx.t.db, approver, { limit: "200" });
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.items.every((item) => item.stepRole === "FINANCE")).toBe(true);
    // Page by page, one at a time, the cursor walks the same list in the same order.
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await inboxFor(ctx.t.db, approver, {
        limit: "1",
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBe(1);
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all.items.map((item) => item.id));
    const error = await errorOf(inboxFor(ctx.t.db, approver, { cursor: "bm9wZQ" }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "cursor" }] });
    expect((await errorOf(inboxFor(ctx.t.db, approver, { limit: "0" }))).issues[0]?.field).toBe(
      "limit",
    );
  });

  it("approves each selected item on its own and reports every one", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await createRequest(
            ctx.t.db,
            ctx.w.requester,
            {
              text: `Bulk item ${i}: 2 days of leave`,
              type: "LEAVE",
              fields: { days: 2 },
              intent: "submit",
            },
            { ai },
          )
        ).id,
      );
    }
    const inbox = await inboxFor(ctx.t.db, ctx.w.managerEng, { type: "LEAVE", limit: 200 });
    const chosen = inbox.items.filter((item) => ids.includes(item.id));
    expect(chosen).toHaveLength(3);
    expect(chosen[0]?.summary).toEqual(expect.any(String));
    // Someone else decides the second one first.
    const other = await createUserAs(ctx.t.db, "manager2.eng@w.test", ["MANAGER"], ctx.w.eng);
    await decideStep(ctx.t.db, other, ids[1] as string, {
      decision: "reject",
      reason: "No cover that week",
    });
    const stranger = "00000000-0000-4000-8000-000000000000";
    const results = await bulkApprove(ctx.t.db, ctx.w.managerEng, {
      items: [
        ...chosen.map((c) => ({ id: c.id, version: c.version })),
        { id: stranger, version: 1 },
      ],
    });
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get(ids[0] as string)).toMatchObject({ ok: true, status: "APPROVED" });
    expect(byId.get(ids[1] as string)).toMatchObject({ ok: false, code: "VERSION_CONFLICT" });
    expect(byId.get(ids[2] as string)).toMatchObject({ ok: true, status: "APPROVED" });
    expect(byId.get(stranger)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // An approver's own request is refused item by item; an empty selection is refused whole.
    const mine = await createRequest(
      ctx.t.db,
      ctx.w.managerEng,
      { text: "My own 2 days of leave", type: "LEAVE", fields: { days: 2 }, intent: "submit" },
      { ai },
    );
    const version = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: mine.id } })).version;
    expect(
      await bulkApprove(ctx.t.db, ctx.w.managerEng, { items: [{ id: mine.id, version }] }),
    ).toEqual([expect.objectContaining({ id: mine.id, ok: false, code: "OWN_REQUEST" })]);
    expect(
      (await errorOf(bulkApprove(ctx.t.db, ctx.w.managerEng, { items: [] }))).issues[0]?.field,
    ).toBe("items");
  });
});

describe("editRequest (the request page's form)", () => {
  it("saves a draft, then submits it; after changes are requested, resubmits it as round 2", async () => {
    const { id } = await chairsRequest("save", { amount: 900, currency: "EUR" });
    const version = async () =>
      (await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).version;
    expect(
      await editRequest(ctx.t.db, ctx.w.requester, id, {
        type: "PROCUREMENT",
        fields: { amount: 950, currency: "EUR" },
        version: await version(),
        intent: "save",
      }),
    ).toEqual({ status: "DRAFT", submitted: false });
    expect(
      await editRequest(ctx.t.db, ctx.w.requester, id, {
        type: "PROCUREMENT",
        fields: { amount: 950, currency: "EUR" },
        version: await version(),
        intent: "submit",
      }),
    ).toEqual({ status: "IN_REVIEW", submitted: true });
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "request_changes",
      comment: "Add the delivery costs",
    });
    expect(
      await editRequest(
        ctx.t.db,
        ctx.w.requester,
        id,
        {
          type: "PROCUREMENT",
          fields: { amount: 1_010, currency: "EUR" },
          version: await version(),
          intent: "submit",
        },
        { ai },
      ),
    ).toEqual({ status: "IN_REVIEW", submitted: true });
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      round: 2,
      fields: { amount: 1_010, currency: "EUR" },
    });
  });

  it("saves nothing when a field is missing or the version is stale, and refuses another user", async () => {
    const { id } = await chairsRequest("save", { amount: 900, currency: "EUR" });
    const before = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    const missing = await errorOf(
      editRequest(ctx.t.db, ctx.w.requester, id, {
        type: "PROCUREMENT",
        fields: { currency: "EUR" },
        version: before.version,
        intent: "submit",
      }),
    );
    expect(missing.issues).toEqual([
      { field: "fields.amount", message: "Amount is required for a procurement request." },
    ]);
    const stale = await errorOf(
      editRequest(ctx.t.db, ctx.w.requester, id, {
        type: "PROCUREMENT",
        fields: { amount: 1, currency: "EUR" },
        version: before.version - 1,
        intent: "save",
      }),
    );
    expect(stale.code).toBe("VERSION_CONFLICT");
    const stranger = await errorOf(
      editRequest(ctx.t.db, ctx.w.hr, id, {
        type: "PROCUREMENT",
        fields: { amount: 1, currency: "EUR" },
        version: before.version,
        intent: "save",
      }),
    );
    expect(stranger.code).toBe("NOT_FOUND"); // a draft is its requester's alone
    const after = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      version: before.version,
      fields: before.fields,
      auditSeq: before.auditSeq,
    });
  });
});
