/** Mail to a requester: their request was approved, rejected or sent back for changes. */
import { z } from "zod";
import { defineJob } from "../job";

export const notifyRequesterJob = defineJob({
  id: "notify:requester",
  title: "Mail the requester about a decision",
  /** `seq`: the audit event that says what happened. */
  schema: z.object({ requestId: z.uuid(), seq: z.number().int().min(1) }).strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { notifyRequester } = await import("@/lib/services/notify-requester");
    await notifyRequester(db(), payload);
  },
});
