/**
 * Publishes a workflow definition as the next version of its type, after validating it: an invalid
 * definition is refused with every problem listed, node by node, and nothing is saved.
 */
import type { Db } from "@/lib/db/client";
import { insertWorkflowVersion } from "@/lib/db/workflows";
import { validateWorkflow } from "@/lib/engine";
import { AppError, type FieldIssue } from "@/lib/errors";

/** Every problem of `input` as a workflow definition, each at its node or path; none when valid. */
export function workflowProblems(input: unknown): FieldIssue[] {
  const result = validateWorkflow(input);
  return result.ok
    ? []
    : result.problems.map((problem) => ({
        field: problem.nodeId ? `nodes.${problem.nodeId}` : problem.path,
        message: problem.message,
      }));
}

export async function publishWorkflow(db: Db, input: unknown) {
  const result = validateWorkflow(input);
  if (!result.ok) {
    const problems = workflowProblems(input);
    throw new AppError(
      "INVALID_WORKFLOW",
      `The workflow has ${problems.length} problem${problems.length === 1 ? "" : "s"}.`,
      problems,
    );
  }
  return insertWorkflowVersion(db, result.definition);
}
