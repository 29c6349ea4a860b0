/**
 * Questions and comments on a request (issue 14): an approver asks, the requester answers, the
 * state stays as it was; each comment is on the audit chain and mailed over real SMTP by a job
 * queued in the same transaction. Bad input and people outside the request change nothing.
 */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { commentOnRequest } from "@/lib/services/comment-on-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { mailAndJobsFor } from "./mail";
import { createUserAs, setupWorld, submittedPurchase } from "./world";

const ctx = setupWorld();
const { mailsTo } = mailAndJobsFor(ctx);
const submitted = (title: string) => submittedPurchase(ctx.t.db, ctx.w.requester, title);

const row = (id: string) =>
  ctx.t.db.request.findUniqueOrThrow({
    where: { id },
    select: { status: true, stepRole: true, version: true },
  });

describe("comments", () => {
  it("an approver asks, the requester answers: both audited and mailed, the state unchanged", async () => {
    const id = await submitted("Standing desk");
    const before = await row(id);
    await commentOnRequest(ctx.t.db, ctx.w.managerEng, id, { body: "  Which model, and why?  " });
    const [question] = await mailsTo("requester@w.test", /commented — Standing desk/);
    expect(question?.text).toContain("asks about your request");
    expect(question?.text).toContain("Which model, and why?");
    expect(question?.text).toContain(`https://flowgate.test/requests/${id}`);

    await commentOnRequest(ctx.t.db, ctx.w.requester, id, {
      body: "The Flexi 2 <b>for</b> my back.",
    });
    const [answer] = await mailsTo("manager.eng@w.test", /commented — Standing desk/);
    expect(answer?.text).toContain("The Flexi 2 <b>for</b> my back.");
    expect(answer?.html).toContain("The Flexi 2 &lt;b&gt;for&lt;/b&gt; my back.");

    const after = await row(id);
    expect({ status: after.status, stepRole: after.stepRole }).toEqual({
      status: before.status,
      stepRole: before.stepRole,
    });
    const events = await ctx.t.db.auditEvent.findMany({
      where: { stream: `request:${id}` },
      orderBy: { seq: "asc" },
    });
    const comments = events.filter((e) => e.action === "COMMENTED");
    expect(comments.map((e) => [e.actorId, (e.data as { body: string }).body])).toEqual([
      [ctx.w.managerEng.id, "Which model, and why?"],
      [ctx.w.requester.id, "The Flexi 2 <b>for</b> my back."],
    ]);
    expect(comments.every((e) => e.fromStatus === "IN_REVIEW" && e.toStatus === "IN_REVIEW")).toBe(
      true,
    );
    expect((await verifyRequestAuditTrail(ctx.t.db, id)).ok).toBe(true);
  });

  it("refuses empty or oversized text at its field, and outsiders, changing nothing", async () => {
    const id = await submitted("Monitor arm");
    const count = () =>
      ctx.t.db.auditEvent.count({ where: { stream: `request:${id}`, action: "COMMENTED" } });
    for (const input of [{ body: "   " }, { body: "x".repeat(2_001) }, { body: 5 }, {}, null]) {
      const error = await commentOnRequest(ctx.t.db, ctx.w.managerEng, id, input).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION_FAILED");
    }
    // Another department's manager cannot see it; an auditor can read it but is not one of its people.
    const hidden = await commentOnRequest(ctx.t.db, ctx.w.managerOps, id, { body: "Hi" }).catch(
      (e: unknown) => e,
    );
    expect((hidden as AppError).code).toBe("NOT_FOUND");
    const auditor = await createUserAs(ctx.t.db, "auditor@comments.test", ["AUDITOR"], null);
    const refused = await commentOnRequest(ctx.t.db, auditor, id, { body: "Hi" }).catch(
      (e: unknown) => e,
    );
    expect((refused as AppError).code).toBe("NOT_PARTICIPANT");
    expect(await count()).toBe(0);
  });
});
