/**
 * Flowgate acts on its own: a transition's jobs are queued by the statement that writes it, a real
 * graphile-worker runs them, and real mail goes over SMTP to a real catcher (lib/mail/catcher.ts).
 */
import { describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { jobsAboutRequest } from "@/lib/db/job-queue";
import { cancelRequest } from "@/lib/services/cancel-request";
import { createDelegation } from "@/lib/services/create-delegation";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { endDelegation } from "@/lib/services/end-delegation";
import { escalateOverdue } from "@/lib/services/escalate-overdue";
import { submitRequest } from "@/lib/services/submit-request";
import { mailAndJobsFor } from "./mail";
import { setupWorld } from "./world";

const ctx = setupWorld();
const smtp = mailAndJobsFor(ctx);
const mailsTo = smtp.mailsTo;

/**
 * Waits until every job about `requestId` ran: what is left is only waiting for its time (a
 * reminder) and was never tried. A job being retried is not settled; at the deadline its last
 * error is the failure.
 */
async function settled(requestId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = (await queued(requestId)).filter(
      (j) => j.attempts > 0 || j.runAt.getTime() <= Date.now(),
    );
    if (open.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `jobs about ${requestId} did not run: ${open.map((j) => `${j.task} ${j.lastError}`)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function queued(requestId: string) {
  return jobsAboutRequest(poolOf(ctx.t.db), requestId);
}

async function submitted(title: string, fields = { amount: 500, currency: "EUR" }, now?: Date) {
  const draft = await createDraft(
    ctx.t.db,
    ctx.w.requester,
    { type: "PROCUREMENT", title, description: `${title}, EUR ${fields.amount}`, fields },
    now,
  );
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id, { now });
  return draft.id;
}

describe("notifications", () => {
  it("mails the step's approvers when it starts, with the request's facts and a link", async () => {
    const id = await submitted("Docking station");
    const [mail] = await mailsTo("manager.eng@w.test", /Docking station/);
    expect(mail?.subject).toMatch(/^FG-\d+ waits for your approval — Docking station$/);
    expect(mail?.text).toContain("€500.00");
    expect(mail?.text).toContain(`https://flowgate.test/requests/${id}`);
    expect(mail?.html).toContain(`href="https://flowgate.test/requests/${id}"`);
    // Only whoever may decide it: not the other department's manager, not the requester.
    expect(
      smtp
        .catcher()
        .messages()
        .filter((m) => /Docking station/.test(m.subject)),
    ).toHaveLength(1);
  });

  it("says the due time in the approver's own time zone", async () => {
    await ctx.t.db.user.update({
      where: { id: ctx.w.managerEng.id },
      data: { timeZone: "Europe/Berlin" },
    });
    try {
      // Submitted on a winter morning (UTC 09:00): due a day later, in Berlin time (CET).
      const id = await submitted(
        "Desk lamp in Berlin time",
        undefined,
        new Date("2031-01-14T09:00:00Z"),
      );
      const [mail] = await mailsTo("manager.eng@w.test", /waits for your approval — Desk lamp/);
      expect(mail?.text).toMatch(/Due: Wed, 15 Jan 2031, \d{2}:\d{2} CET/);
      // Withdrawn, so that no later test's SLA sweep (whatever today's date) finds it overdue.
      await settled(id);
      await cancelRequest(ctx.t.db, ctx.w.requester, id, { reason: "test done" });
    } finally {
      await ctx.t.db.user.update({ where: { id: ctx.w.managerEng.id }, data: { timeZone: null } });
    }
  });

  it("mails whoever stands in for an approver who is away, with a link to the request only", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const { id: delegation } = await createDelegation(ctx.t.db, ctx.w.managerEng, {
      delegateEmail: "support@w.test",
      from: day,
      to: day,
    });
    try {
      const id = await submitted("Webcam for the away manager");
      const [mail] = await mailsTo("support@w.test", /Webcam for the away manager/);
      expect(mail?.text).toContain(`https://flowgate.test/requests/${id}`);
      expect(mail?.text).not.toContain("/decide/");
      // The manager still gets theirs; nobody else does.
      await mailsTo("manager.eng@w.test", /Webcam for the away manager/);
      await settled(id);
      expect(
        smtp
          .catcher()
          .messages()
          .filter((m) => /Webcam for the away manager/.test(m.subject))
          .flatMap((m) => m.to)
          .sort(),
      ).toEqual(["manager.eng@w.test", "support@w.test"]);
    } finally {
      await endDelegation(ctx.t.db, ctx.w.managerEng, delegation);
    }
  });

  it("queues the reminder at three quarters of the step's time, once the first mail went out", async () => {
    const now = new Date();
    const id = await submitted("Headset", { amount: 90, currency: "EUR" }, now);
    await mailsTo("manager.eng@w.test", /Headset/);
    const deadline = Date.now() + 10_000;
    let reminder: Awaited<ReturnType<typeof queued>>[number] | undefined;
    while (!reminder && Date.now() < deadline) {
      reminder = (await queued(id)).find((j) => j.payload.kind === "reminder");
      if (!reminder) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The manager step has 24 h: the reminder is due after 18 h.
    expect(reminder?.runAt.getTime()).toBeCloseTo(now.getTime() + 18 * 3_600_000, -4);
  });

  it("tells the requester why their request was rejected, and who rejected it", async () => {
    const id = await submitted("Second monitor");
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "reject",
      reason: "We have spare monitors in storage",
    });
    const [mail] = await mailsTo("requester@w.test", /Second monitor/);
    expect(mail?.subject).toMatch(/^FG-\d+ was rejected — Second monitor$/);
    expect(mail?.text).toContain("by manager.eng");
    expect(mail?.text).toContain("Reason: We have spare monitors in storage");
  });

  it("mails the escalation role of every step the SLA sweep escalates", async () => {
    const past = new Date(Date.now() - 30 * 3_600_000);
    const ids = [
      await submitted("Desk lamp A", undefined, past),
      await submitted("Desk lamp B", undefined, past),
    ];
    const result = await escalateOverdue(ctx.t.db, { now: new Date(), batchSize: 10 });
    expect(result.escalated).toBeGreaterThanOrEqual(2);
    const mails = await mailsTo("director@w.test", /^Escalated to Director: .*Desk lamp/, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining("Desk lamp A"),
      expect.stringContaining("Desk lamp B"),
    ]);
    for (const id of ids) await settled(id);
  });

  it("loses no mail while the SMTP server is down: the job is retried and mails once", async () => {
    await smtp.stopCatcher();
    const id = await submitted("Cable ties");
    // The first attempt fails against the closed port, and the job waits for its retry.
    const deadline = Date.now() + 10_000;
    let failedOnce = false;
    while (!failedOnce && Date.now() < deadline) {
      failedOnce = (await queued(id)).some((j) => j.attempts >= 1 && j.lastError !== null);
      if (!failedOnce) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failedOnce).toBe(true);
    await smtp.restartCatcher();
    const mails = await mailsTo("manager.eng@w.test", /Cable ties/);
    expect(mails).toHaveLength(1);
    await settled(id);
    expect(
      smtp
        .catcher()
        .messages()
        .filter((m) => /Cable ties/.test(m.subject)),
    ).toHaveLength(1);
  });

  it("sends nothing to someone who turned email off", async () => {
    await ctx.t.db.user.update({
      where: { id: ctx.w.managerEng.id },
      data: { emailNotifications: false },
    });
    try {
      const id = await submitted("Whiteboard");
      await settled(id);
      expect(
        smtp
          .catcher()
          .messages()
          .some((m) => /Whiteboard/.test(m.subject)),
      ).toBe(false);
    } finally {
      await ctx.t.db.user.update({
        where: { id: ctx.w.managerEng.id },
        data: { emailNotifications: true },
      });
    }
  });
});
