"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/result";
import { setTaskDone } from "@/lib/services/tasks";

export async function setTaskDoneAction(
  taskId: string,
  done: boolean,
): Promise<ActionResult<{ id: string; doneAt: Date | null }>> {
  const result = await runAction("request:read-own", "task-done", (user) =>
    setTaskDone(db(), user, { taskId, done }),
  );
  if (result.ok) revalidatePath("/tasks");
  return result;
}
