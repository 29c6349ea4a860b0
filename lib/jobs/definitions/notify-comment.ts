/** Mail about a question or comment on a request (lib/services/notify-comment.ts). */
import { z } from "zod";
import { defineJob } from "../job";

export const notifyCommentJob = defineJob({
  id: "notify:comment",
  title: "Mail a comment on a request",
  /** `seq`: the COMMENTED audit event. */
  schema: z.object({ requestId: z.uuid(), seq: z.number().int().min(1) }).strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { notifyComment } = await import("@/lib/services/notify-comment");
    await notifyComment(db(), payload);
  },
});
