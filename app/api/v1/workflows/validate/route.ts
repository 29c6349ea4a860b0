/** POST /api/v1/workflows/validate: every problem of a definition, nothing saved. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { workflowProblems } from "@/lib/services/publish-workflow";

export const dynamic = "force-dynamic";

export const POST = endpoint(operations.validateWorkflow, async ({ body }) => {
  const problems = workflowProblems(body);
  return { body: { ok: problems.length === 0, problems } };
});
