/**
 * Workflow definition versions. A version row never changes, so a parsed definition is cached
 * per id for the life of the process.
 */
import type { Prisma } from "@prisma/client";
import type { RequestType, WorkflowDefinition } from "@/lib/engine";
import { WorkflowDefinitionSchema } from "@/lib/engine";
import type { Db } from "./client";

export interface WorkflowVersion {
  id: string;
  type: RequestType;
  version: number;
  definition: WorkflowDefinition;
}

const byId = new Map<string, WorkflowVersion>();

function parse(row: {
  id: string;
  type: RequestType;
  version: number;
  definition: unknown;
}): WorkflowVersion {
  const version = { ...row, definition: WorkflowDefinitionSchema.parse(row.definition) };
  byId.set(row.id, version);
  return version;
}

export async function workflowById(db: Db, id: string): Promise<WorkflowVersion> {
  const cached = byId.get(id);
  if (cached) return cached;
  const row = await db.workflowDefinition.findUniqueOrThrow({ where: { id } });
  return parse(row);
}

export async function latestWorkflow(db: Db, type: RequestType): Promise<WorkflowVersion | null> {
  const row = await db.workflowDefinition.findFirst({
    where: { type },
    orderBy: { version: "desc" },
  });
  return row ? (byId.get(row.id) ?? parse(row)) : null;
}

/** Stores `definition` (already validated) as the next version of its type. */
export async function insertWorkflowVersion(
  db: Db,
  definition: WorkflowDefinition,
): Promise<WorkflowVersion> {
  const row = await db.$transaction(async (tx) => {
    // One publisher at a time per type: the advisory lock makes "max + 1" safe.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`workflow:${definition.type}`}))`;
    const latest = await tx.workflowDefinition.aggregate({
      where: { type: definition.type },
      _max: { version: true },
    });
    return tx.workflowDefinition.create({
      data: {
        type: definition.type,
        version: (latest._max.version ?? 0) + 1,
        name: definition.name,
        definition: definition as unknown as Prisma.InputJsonValue,
      },
    });
  });
  return parse(row);
}
