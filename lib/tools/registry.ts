/** Every tool an action can use, by the name stored with the action (lib/engine TOOL_NAMES). */
import type { ToolName } from "@/lib/engine";
import { createTaskTool } from "./create-task";
import { sendEmailTool } from "./send-email";
import type { Tool } from "./tool";
import { webhookTool } from "./webhook";

export const TOOLS: Readonly<Record<ToolName, Tool<never>>> = {
  send_email: sendEmailTool as Tool<never>,
  create_task: createTaskTool as Tool<never>,
  webhook: webhookTool as Tool<never>,
};

export function toolOf(name: string): Tool<unknown> | null {
  return (TOOLS as Record<string, Tool<unknown>>)[name] ?? null;
}

/** The parameters' problems for `tool`, as field issues (empty when they are fine). */
export function checkActionParams(
  name: string,
  params: unknown,
): { field: string; message: string }[] {
  const tool = toolOf(name);
  if (!tool) return [{ field: "action.tool", message: `Unknown tool ${name}.` }];
  const parsed = tool.schema.safeParse(params);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: ["action", "params", ...issue.path.map(String)].join("."),
        message: issue.message,
      }));
}
