/**
 * Publishes a workflow definition as the next version of its type, after validating it: an invalid
 * definition is refused with every problem listed, node by node, and nothing is saved.
 */
import type { Db } from "@/lib/db/client";
import { insertWorkflowVersion } from "@/lib/db/workflows";
import { validateWorkflow } from "@/lib/engine";
import { AppError } from "@/lib/errors";

export async function publishWorkflow(db: Db, input: unknown) {
  const result = validateWorkflow(input);
  if (!result.ok) {
    throw new AppError(
      "INVALID_WORKFLOW",
      `The workflow has ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}.`,
      result.problems.map((problem) => ({
        field: problem.nodeId ? `nodes.${problem.nodeId}` : problem.path,
        message: problem.message,
      })),
    );
  }
  return insertWorkflowVersion(db, result.definition);
}
