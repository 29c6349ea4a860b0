/** GET /api/v1/graphs/{key} */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { poolOf } from "@/lib/db/client";
import { graphWorkflow } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { isGraphKey } from "@/lib/graph/model";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.getGraph, async ({ db, params }) => {
  const workflow = isGraphKey(params.key) ? await graphWorkflow(poolOf(db), params.key) : null;
  if (!workflow) throw new AppError("NOT_FOUND", "There is no such workflow.");
  return { body: workflow };
});
