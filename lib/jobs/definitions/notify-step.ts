/**
 * Mail to the approvers of a waiting step: it started, it was escalated to their role, or (at a
 * share of its SLA, REMINDER_AT_SHARE) a reminder. Enqueued with the transition that caused it.
 */
import { z } from "zod";
import { defineJob } from "../job";

export const notifyStep = defineJob({
  id: "notify:step",
  title: "Mail the approvers of a step",
  schema: z
    .object({
      requestId: z.uuid(),
      visitId: z.uuid(),
      kind: z.enum(["started", "escalated", "reminder"]),
      /** The step's due time when the job was queued: an escalation since then voids the job. */
      dueAt: z.iso.datetime(),
    })
    .strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { notifyApprovers } = await import("@/lib/services/notify-approvers");
    await notifyApprovers(db(), payload, new Date());
  },
});

/** Steps of one escalation page mailed at once. */
const ESCALATION_LANES = 8;

/** The SLA sweep's escalations of one page: each step's new approvers, as `notify:step` does. */
export const notifyEscalations = defineJob({
  id: "notify:escalations",
  title: "Mail the approvers of escalated steps",
  schema: z
    .object({
      steps: z
        .array(
          z.object({ requestId: z.uuid(), visitId: z.uuid(), dueAt: z.iso.datetime() }).strict(),
        )
        .min(1)
        .max(10_000),
    })
    .strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { notifyApprovers } = await import("@/lib/services/notify-approvers");
    let failure: unknown = null;
    // Each step on its own, a few at a time: one failure does not keep the others' mail back
    // (a retry skips whoever got theirs), and a page of 1,000 is not 1,000 round trips in a row.
    const queue = [...payload.steps];
    const lane = async () => {
      for (let step = queue.shift(); step; step = queue.shift()) {
        await notifyApprovers(db(), { ...step, kind: "escalated" }, new Date()).catch((error) => {
          failure ??= error;
        });
      }
    };
    await Promise.all(Array.from({ length: ESCALATION_LANES }, lane));
    if (failure) throw failure;
  },
});
