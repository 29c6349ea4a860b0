/** A request a graph run waits on has ended: the run goes on (lib/services/runs/approval.ts). */
import { z } from "zod";
import { defineJob } from "../job";

export const runResumeJob = defineJob({
  id: "run:resume",
  title: "Continue a run after its approval",
  schema: z.object({ requestId: z.uuid() }).strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { resumeFromRequest } = await import("@/lib/services/runs/approval");
    await resumeFromRequest(db(), payload.requestId);
  },
});
