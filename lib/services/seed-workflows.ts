/**
 * Publishes version 1 of each default workflow for every type that has none yet, and of each
 * demo graph workflow (lib/graph/demos.ts) whose key has none. Idempotent; the launcher runs it
 * at every start, so a new database (demo or production) can route requests and run reviews.
 */
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import { graphWorkflow } from "@/lib/db/runs";
import { latestWorkflow } from "@/lib/db/workflows";
import { DEFAULT_WORKFLOWS, REQUEST_TYPES } from "@/lib/engine";
import { DEMO_GRAPHS } from "@/lib/graph/demos";
import { publishWorkflow } from "./publish-workflow";
import { publishGraph } from "./runs/publish-graph";

export async function ensureDefaultWorkflows(db: Db): Promise<number> {
  let published = 0;
  for (const type of REQUEST_TYPES) {
    if (await latestWorkflow(db, type)) continue;
    await publishWorkflow(db, DEFAULT_WORKFLOWS[type]);
    published += 1;
  }
  for (const graph of DEMO_GRAPHS) {
    if (await graphWorkflow(poolOf(db), graph.key)) continue;
    await publishGraph(db, null, graph);
    published += 1;
  }
  return published;
}
