/**
 * No tier downgrade through the text: a submission whose text says more than its confirmed fields
 * keeps its confirmed route, and the approvers see why it deserves a second look (inbox row,
 * request page, audit trail).
 */
import { describe, expect, it } from "vitest";
import type { RequestFields, RequestType } from "@/lib/engine";
import { createRequest } from "@/lib/services/create-request";
import { inboxFor } from "@/lib/services/inbox";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { viewRequest } from "@/lib/services/view-request";
import { localAi, setupWorld } from "./world";

const ctx = setupWorld();
const NOW = new Date("2026-11-30T10:00:00.000Z");

function submit(text: string, type: RequestType, fields: RequestFields) {
  return createRequest(
    ctx.t.db,
    ctx.w.requester,
    { text, type, fields, intent: "submit" },
    { ai: localAi, now: NOW },
  );
}

async function stored(id: string) {
  return ctx.t.db.request.findUniqueOrThrow({ where: { id } });
}

describe("the routing check at submission", () => {
  it("flags a purchase confirmed at 800 whose text says EUR 80,000, and keeps the confirmed route", async () => {
    const { id, submitted } = await submit(
      "50 laptops for the new Lisbon office, EUR 80,000 in total.",
      "PROCUREMENT",
      { amount: 800, currency: "EUR" },
    );
    expect(submitted).toBe(true);
    const row = await stored(id);
    // The engine routes by the confirmed fields; the check decides nothing.
    expect(row).toMatchObject({ status: "IN_REVIEW", stepRole: "MANAGER" });
    expect(row.routingWarnings).toHaveLength(1);
    expect(row.routingWarnings[0]).toContain("EUR 80,000");
    expect(row.routingWarnings[0]).toContain("EUR 800");
    expect(row.routingWarnings[0]).toContain("Manager → Finance → Director");

    // The approver sees it in the inbox row and on the request page.
    const inbox = await inboxFor(ctx.t.db, ctx.w.managerEng, {});
    expect(inbox.items.find((item) => item.id === id)?.routingWarnings).toEqual(
      row.routingWarnings,
    );
    const view = await viewRequest(ctx.t.db, ctx.w.managerEng, id);
    expect(view.detail.routingWarnings).toEqual(row.routingWarnings);

    // And it is part of the tamper-evident trail.
    const event = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "ROUTING_WARNING" },
    });
    expect(event).toMatchObject({ actorType: "SYSTEM", data: { warnings: row.routingWarnings } });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("says nothing when the text routes no higher than the fields", async () => {
    const { id } = await submit("Standing desk for me, EUR 650.", "PROCUREMENT", {
      amount: 650,
      currency: "EUR",
    });
    expect((await stored(id)).routingWarnings).toEqual([]);
    expect(
      await ctx.t.db.auditEvent.count({ where: { requestId: id, action: "ROUTING_WARNING" } }),
    ).toBe(0);
  });

  it("ignores a lower figure in the text: only what routes higher matters", async () => {
    const { id } = await submit(
      "Two quotes: EUR 9,000 and EUR 12,500; we take the second.",
      "PROCUREMENT",
      { amount: 12_500, currency: "EUR" },
    );
    expect((await stored(id)).routingWarnings).toEqual([]);
  });

  it("flags leave confirmed as 2 days whose text says 10 days", async () => {
    const { id } = await submit("I need 10 days of leave for my wedding.", "LEAVE", { days: 2 });
    const row = await stored(id);
    expect(row.stepRole).toBe("MANAGER");
    expect(row.routingWarnings).toEqual([expect.stringContaining("10 days")]);
    expect(row.routingWarnings[0]).toContain("Manager → HR");
  });

  it("flags a support ticket confirmed at severity 2 whose text describes an outage for everyone", async () => {
    const { id } = await submit("Checkout is down for everyone since 9:00.", "SUPPORT", {
      severity: 2,
    });
    expect((await stored(id)).routingWarnings).toEqual([
      expect.stringContaining("reads as severity 5"),
    ]);
  });

  it("flags a purchase submitted as GENERAL to skip Finance and the Director", async () => {
    const { id } = await submit(
      "Buy 50 laptops for the new office, EUR 80,000 in total.",
      "GENERAL",
      {},
    );
    const row = await stored(id);
    expect(row.type).toBe("GENERAL");
    expect(row.routingWarnings).toEqual([
      expect.stringContaining("reads as a procurement request of EUR 80,000"),
    ]);
  });
});
