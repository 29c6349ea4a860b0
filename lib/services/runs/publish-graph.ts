/**
 * Stores a graph workflow as the next version of its key, after checking it whole
 * (lib/graph/validate.ts): every problem is listed with where it is, and nothing is stored.
 * Runs started before keep the version they started with.
 */
import { randomUUID } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { type GraphWorkflowRow, insertGraphWorkflow } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { validateGraph } from "@/lib/graph/validate";
import type { ServiceActor } from "../actor";

export function checkGraph(input: unknown) {
  const verdict = validateGraph(input);
  if (!verdict.ok) {
    throw new AppError(
      "VALIDATION_FAILED",
      `The workflow has ${verdict.problems.length === 1 ? "a problem" : `${verdict.problems.length} problems`}.`,
      verdict.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  return verdict.definition;
}

export async function publishGraph(
  db: Db,
  actor: ServiceActor | null,
  input: unknown,
  now = new Date(),
): Promise<GraphWorkflowRow> {
  if (actor && !can(actor, "workflow:manage")) {
    throw new AppError("FORBIDDEN", "Your roles do not allow publishing workflows.");
  }
  const definition = checkGraph(input);
  return inTransaction(db, (client) =>
    insertGraphWorkflow(client, definition, actor?.id ?? null, randomUUID(), now),
  );
}
