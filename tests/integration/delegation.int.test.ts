/**
 * Out of office: an approver names a delegate for some days; meanwhile the approver's steps are
 * in the delegate's inbox and the delegate decides them, recorded "by X on behalf of Y". Refused:
 * oneself, someone without an inbox, loops, overlaps, and the request's requester.
 */
import { describe, expect, it } from "vitest";
import { readStream, requestStream } from "@/lib/db/audit";
import { userStream } from "@/lib/db/people-audit";
import { createDelegation } from "@/lib/services/create-delegation";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { endDelegation } from "@/lib/services/end-delegation";
import { inboxFor } from "@/lib/services/inbox";
import { submitRequest } from "@/lib/services/submit-request";
import { viewRequest } from "@/lib/services/view-request";
import { createUserAs, errorOf, setupWorld } from "./world";

const ctx = setupWorld();
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function waitingForFinance(
  title: string,
  requester = ctx.w.requester,
  manager = ctx.w.managerEng,
) {
  const draft = await createDraft(ctx.t.db, requester, {
    type: "PROCUREMENT",
    title,
    description: `${title} for the office`,
    fields: { amount: 20_000, currency: "EUR" },
  });
  await submitRequest(ctx.t.db, requester, draft.id);
  await decideStep(ctx.t.db, manager, draft.id, { decision: "approve" });
  return draft.id;
}

describe("delegation", () => {
  it("puts the absent approver's steps in the delegate's inbox and records decisions on their behalf", async () => {
    // The delegate holds another approver role (HR) but not FINANCE.
    const id = await waitingForFinance("Laptops for the new team");
    const before = await inboxFor(ctx.t.db, ctx.w.hr, {});
    expect(before.items.map((i) => i.id)).not.toContain(id);
    expect(
      (await errorOf(decideStep(ctx.t.db, ctx.w.hr, id, { decision: "approve" }))).code,
    ).toMatch(/WRONG_ROLE|NOT_FOUND/);

    const { id: delegationId } = await createDelegation(ctx.t.db, ctx.w.finance, {
      delegateEmail: "HR@w.test",
      from: day(0),
      to: day(3),
      note: "Back on Monday",
    });
    const inbox = await inboxFor(ctx.t.db, ctx.w.hr, {});
    const item = inbox.items.find((i) => i.id === id);
    expect(item).toMatchObject({ onBehalfOf: "finance", stepRole: "FINANCE" });
    expect(item?.actions).toEqual(["approve", "reject", "request_changes", "escalate"]);
    const view = await viewRequest(ctx.t.db, ctx.w.hr, id);
    expect(view.onBehalfOf).toBe("finance");
    expect(view.actions).toContain("approve");

    await decideStep(ctx.t.db, ctx.w.hr, id, { decision: "approve", comment: "For Fiona" });
    const events = await readStream(ctx.t.db, requestStream(id));
    const approved = events.filter((e) => e.action === "APPROVED").at(-1);
    expect(approved).toMatchObject({
      actorId: ctx.w.hr.id,
      onBehalfOfId: ctx.w.finance.id,
      data: { role: "FINANCE", comment: "For Fiona" },
    });
    const timeline = (await viewRequest(ctx.t.db, ctx.w.requester, id)).detail.timeline;
    const { actorLabel } = await import("@/lib/services/view-request");
    expect(timeline.filter((e) => e.action === "APPROVED").map(actorLabel)).toContain(
      "hr on behalf of finance",
    );

    // Ended early: the steps are the approver's alone again.
    const next = await waitingForFinance("Chairs for the new team");
    await endDelegation(ctx.t.db, ctx.w.finance, delegationId);
    expect((await inboxFor(ctx.t.db, ctx.w.hr, {})).items.map((i) => i.id)).not.toContain(next);
    expect((await readStream(ctx.t.db, userStream(ctx.w.finance.id))).map((e) => e.action)).toEqual(
      ["DELEGATION_CREATED", "DELEGATION_ENDED"],
    );
  });

  it("never lets a delegate decide their own request, even for someone else", async () => {
    const delegate = await createUserAs(
      ctx.t.db,
      "deputy@w.test",
      ["REQUESTER", "SUPPORT_L2"],
      ctx.w.ops,
    );
    const own = await waitingForFinance("The deputy's own monitor", delegate, ctx.w.managerOps);
    await createDelegation(ctx.t.db, ctx.w.finance, {
      delegateEmail: "deputy@w.test",
      from: day(10),
      to: day(12),
    });
    const later = new Date(Date.now() + 11 * DAY);
    expect((await inboxFor(ctx.t.db, delegate, {}, later)).items.map((i) => i.id)).not.toContain(
      own,
    );
    const refused = await errorOf(
      decideStep(ctx.t.db, delegate, own, { decision: "approve" }, later),
    );
    expect(refused.code).toBe("OWN_REQUEST");
  });

  it("refuses oneself, someone without an inbox, loops, overlaps and bad dates — nothing written", async () => {
    const before = await ctx.t.db.delegation.count();
    const refusal = async (actor: typeof ctx.w.finance, input: Record<string, string>) =>
      errorOf(createDelegation(ctx.t.db, actor, { from: day(20), to: day(22), ...input }));
    expect(
      (await refusal(ctx.w.director, { delegateEmail: "director@w.test" })).issues?.[0]?.message,
    ).toBe("Name someone other than yourself.");
    expect(
      (await refusal(ctx.w.director, { delegateEmail: "requester@w.test" })).issues?.[0]?.field,
    ).toBe("delegateEmail");
    expect(
      (await refusal(ctx.w.director, { delegateEmail: "ghost@w.test" })).issues?.[0]?.message,
    ).toBe("Nobody has this email address.");
    const backwards = await refusal(ctx.w.director, {
      delegateEmail: "hr@w.test",
      from: day(25),
      to: day(24),
    });
    expect(backwards.issues?.[0]?.field).toBe("to");
    const past = await refusal(ctx.w.director, {
      delegateEmail: "hr@w.test",
      from: day(-9),
      to: day(-8),
    });
    expect(past.issues?.[0]?.message).toBe("The last day is in the past.");
    expect(await ctx.t.db.delegation.count()).toBe(before);

    // Director → HR; then HR → Director (a loop) and Support → Director (Director is away) refused.
    await createDelegation(ctx.t.db, ctx.w.director, {
      delegateEmail: "hr@w.test",
      from: day(20),
      to: day(22),
    });
    expect((await refusal(ctx.w.hr, { delegateEmail: "director@w.test" })).issues?.[0]?.field).toBe(
      "from",
    );
    expect(
      (await refusal(ctx.w.support, { delegateEmail: "director@w.test" })).issues?.[0]?.message,
    ).toBe("This person is away themselves on some of these days.");
    // Overlapping one's own.
    expect(
      (
        await refusal(ctx.w.director, {
          delegateEmail: "support@w.test",
          from: day(21),
          to: day(23),
        })
      ).issues?.[0]?.field,
    ).toBe("from");
    expect(
      (await errorOf(endDelegation(ctx.t.db, ctx.w.hr, "00000000-0000-4000-8000-000000000000")))
        .code,
    ).toBe("NOT_FOUND");
  });
});
