/**
 * create_task: a task in its assignee's Tasks list. Exactly once, whatever the retries: the task
 * is keyed by the action run.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { TOOL_FORMS } from "@/lib/forms/action";
import { cleanText } from "@/lib/forms/text";
import { defineTool, PermanentToolError } from "./tool";

export const createTaskTool = defineTool({
  name: "create_task",
  label: TOOL_FORMS.create_task.label,
  schema: z
    .object({
      title: cleanText(z.string().trim().min(1, "Give the task a title.").max(200)),
      /** Email of the person who gets it; the requester when absent. */
      assignee: z.email("Enter the assignee's email address.").optional(),
      notes: cleanText(z.string().trim().max(5_000)).optional(),
    })
    .strict(),
  describe: (p) => [
    `Task: ${p.title}`,
    `For: ${p.assignee ?? "the requester"}`,
    ...(p.notes ? [p.notes] : []),
  ],
  async execute(params, context) {
    const assignee = params.assignee
      ? await context.db.user.findUnique({
          where: { email: params.assignee.toLowerCase() },
          select: { id: true, active: true },
        })
      : { id: context.requesterId, active: true };
    if (!assignee?.active) {
      throw new PermanentToolError(`No active user ${params.assignee} to give the task to.`);
    }
    await context.db.task.createMany({
      data: [
        {
          id: randomUUID(),
          actionRunId: context.runId,
          requestId: context.requestId,
          assigneeId: assignee.id,
          title: params.title,
          notes: params.notes ?? null,
          createdAt: context.now,
        },
      ],
      skipDuplicates: true,
    });
    const task = await context.db.task.findUniqueOrThrow({
      where: { actionRunId: context.runId },
      select: { id: true },
    });
    return { taskId: task.id, assigneeId: assignee.id };
  },
});
