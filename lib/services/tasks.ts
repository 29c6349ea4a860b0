/** Tasks that approved create_task actions gave a person: their list, and marking one done. */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError, zodIssues } from "@/lib/errors";
import type { ServiceActor } from "./actor";

export interface TaskItem {
  id: string;
  title: string;
  notes: string | null;
  requestId: string;
  requestNumber: number;
  requestTitle: string;
  createdAt: Date;
  doneAt: Date | null;
}

export async function tasksOf(db: Db, user: ServiceActor): Promise<TaskItem[]> {
  const tasks = await db.task.findMany({
    where: { assigneeId: user.id },
    orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
  });
  const requests = await db.request.findMany({
    where: { id: { in: [...new Set(tasks.map((t) => t.requestId))] } },
    select: { id: true, number: true, title: true },
  });
  const byId = new Map(requests.map((r) => [r.id, r]));
  return tasks.map((task) => ({
    id: task.id,
    title: task.title,
    notes: task.notes,
    requestId: task.requestId,
    requestNumber: byId.get(task.requestId)?.number ?? 0,
    requestTitle: byId.get(task.requestId)?.title ?? "",
    createdAt: task.createdAt,
    doneAt: task.doneAt,
  }));
}

const TaskDoneSchema = z.object({ taskId: z.uuid("Not a task id."), done: z.boolean() }).strict();

/** Marks one of the user's own tasks done (or not done again). Someone else's task is not found. */
export async function setTaskDone(
  db: Db,
  user: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; doneAt: Date | null }> {
  const parsed = TaskDoneSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The task update is invalid.", zodIssues(parsed.error));
  }
  const updated = await db.task.updateMany({
    where: { id: parsed.data.taskId, assigneeId: user.id },
    data: { doneAt: parsed.data.done ? now : null },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "No such task.");
  return { id: parsed.data.taskId, doneAt: parsed.data.done ? now : null };
}
