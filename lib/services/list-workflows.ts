/** The published workflows as the API lists them: each type's newest version, and one version by number. */
import type { Db } from "@/lib/db/client";
import { type WorkflowVersion, workflowById } from "@/lib/db/workflows";
import type { RequestType } from "@/lib/engine";
import { AppError } from "@/lib/errors";

export async function latestWorkflows(db: Db) {
  const rows = await db.workflowDefinition.findMany({
    distinct: ["type"],
    orderBy: [{ type: "asc" }, { version: "desc" }],
    select: { type: true, name: true, version: true, createdAt: true },
  });
  return rows.map((row) => ({
    type: row.type,
    name: row.name,
    latestVersion: row.version,
    publishedAt: row.createdAt,
  }));
}

export async function workflowVersion(
  db: Db,
  type: RequestType,
  version: number,
): Promise<WorkflowVersion & { createdAt: Date }> {
  const row = await db.workflowDefinition.findUnique({
    where: { type_version: { type, version } },
    select: { id: true, createdAt: true },
  });
  if (!row)
    throw new AppError("NOT_FOUND", `There is no version ${version} of the ${type} workflow.`);
  return { ...(await workflowById(db, row.id)), createdAt: row.createdAt };
}
