/** Runs an approved action from the outbox (action_runs): once recorded, whatever the retries. */
import { z } from "zod";
import { defineJob } from "../job";

export const runActionJob = defineJob({
  id: "action:run",
  title: "Run an approved action",
  schema: z.object({ runId: z.uuid() }).strict(),
  // e^1 … e^7 seconds between attempts: about 25 minutes before the action is dead.
  maxAttempts: 8,
  async run(payload, context) {
    const { db } = await import("@/lib/db/client");
    const { runApprovedAction } = await import("@/lib/services/run-approved-action");
    await runApprovedAction(db(), payload.runId, context);
  },
});
