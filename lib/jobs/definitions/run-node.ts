/** One node visit of a graph run (lib/services/runs/run-node.ts). */
import { z } from "zod";
import { defineJob } from "../job";

export const runNodeJob = defineJob({
  id: "run:node",
  title: "Run a node of a graph workflow",
  schema: z
    .object({ runId: z.uuid(), nodeId: z.string().min(1).max(63), visit: z.number().int().min(1) })
    .strict(),
  // Attempts cover the infrastructure failing (the database, a restart); a tool's own failure
  // fails the run instead, after the node's retries.
  maxAttempts: 10,
  async run(payload, context) {
    const { db } = await import("@/lib/db/client");
    const { runNode } = await import("@/lib/services/runs/run-node");
    await runNode(db(), payload, { signal: context.signal });
  },
});
