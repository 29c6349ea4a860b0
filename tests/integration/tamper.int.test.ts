/**
 * Tampering as the database's owner would (the test connects as the owner): decisions and node
 * visits refuse changes like the audit trail does; a row changed behind the application's back,
 * and events edited or removed with the trigger disabled, all fail verification, each naming what.
 */
import { describe, expect, it } from "vitest";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { setupWorld } from "./world";

const ctx = setupWorld();

async function decidedOnce(): Promise<string> {
  const draft = await createDraft(ctx.t.db, ctx.w.requester, {
    type: "PROCUREMENT",
    title: "12 ergonomic chairs for Berlin",
    description: "12 ergonomic chairs for Berlin, EUR 14,280",
    fields: { amount: 14_280, currency: "EUR" },
  });
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
  await decideStep(ctx.t.db, ctx.w.managerEng, draft.id, { decision: "approve" });
  expect(await verifyRequestAuditTrail(ctx.t.db, draft.id)).toMatchObject({ ok: true });
  return draft.id;
}

const sql = (text: string, ...values: unknown[]) => ctx.t.db.$executeRawUnsafe(text, ...values);

describe("the run log is append-only", () => {
  it.each([
    ["UPDATE decisions SET comment = 'forged' WHERE request_id = $1::uuid", "decisions"],
    ["DELETE FROM decisions WHERE request_id = $1::uuid", "decisions"],
    ["UPDATE node_visits SET outcome = 'forged' WHERE request_id = $1::uuid", "node_visits"],
    ["DELETE FROM node_visits WHERE request_id = $1::uuid", "node_visits"],
  ])("refuses %s", async (statement, table) => {
    const id = await decidedOnce();
    await expect(sql(statement, id)).rejects.toThrow(`${table} is append-only`);
  });

  it("refuses TRUNCATE", async () => {
    await expect(sql("TRUNCATE decisions")).rejects.toThrow("decisions is append-only");
    await expect(sql("TRUNCATE node_visits")).rejects.toThrow("node_visits is append-only");
  });
});

describe("verification catches", () => {
  it("a status flipped to APPROVED with no event", async () => {
    const id = await decidedOnce();
    await sql("UPDATE requests SET status = 'APPROVED' WHERE id = $1::uuid", id);
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({
      ok: false,
      reason: "the request's status record does not match its events",
    });
  });

  it("the waiting step moved to another role on the row", async () => {
    const id = await decidedOnce();
    await sql(`UPDATE requests SET step_role = 'REQUESTER' WHERE id = $1::uuid`, id);
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({
      ok: false,
      reason: "the request's step record does not match its events",
    });
  });

  it("an amount edited on the row", async () => {
    const id = await decidedOnce();
    await sql(
      `UPDATE requests SET fields = jsonb_set(fields, '{amount}', '9') WHERE id = $1::uuid`,
      id,
    );
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({
      ok: false,
      reason: "the request's fields record does not match its events",
    });
  });

  it("an event edited with the trigger disabled", async () => {
    const id = await decidedOnce();
    await sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
    try {
      await sql(
        `UPDATE audit_events SET data = jsonb_set(data, '{fields,amount}', '9')
          WHERE request_id = $1::uuid AND action = 'CREATED'`,
        id,
      );
    } finally {
      await sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
    }
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1 },
      reason: "hash mismatch",
    });
  });

  it("the last events removed with the trigger disabled", async () => {
    const id = await decidedOnce();
    await sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
    try {
      await sql(
        `DELETE FROM audit_events WHERE request_id = $1::uuid
            AND seq = (SELECT max(seq) FROM audit_events WHERE request_id = $1::uuid)`,
        id,
      );
    } finally {
      await sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
    }
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({
      ok: false,
      reason: "chain ends before the recorded head",
    });
  });
});
