/**
 * Publishes version 1 of each default workflow for every type that has none yet. Idempotent; the
 * launcher runs it at every start, so a new database (demo or production) can route requests.
 */
import type { Db } from "@/lib/db/client";
import { latestWorkflow } from "@/lib/db/workflows";
import { DEFAULT_WORKFLOWS, REQUEST_TYPES } from "@/lib/engine";
import { publishWorkflow } from "./publish-workflow";

export async function ensureDefaultWorkflows(db: Db): Promise<number> {
  let published = 0;
  for (const type of REQUEST_TYPES) {
    if (await latestWorkflow(db, type)) continue;
    await publishWorkflow(db, DEFAULT_WORKFLOWS[type]);
    published += 1;
  }
  return published;
}
