/** A request's action as people read it before approving it, with the hash the approval binds. */
import { type Action, actionHash } from "@/lib/engine";
import { toolOf } from "@/lib/tools/registry";

export interface ActionView {
  tool: string;
  label: string;
  /** What will happen, line by line ("POST https://…", the payload). */
  lines: string[];
  /** Sent back with an approval: the approval is refused if the action changed meanwhile. */
  hash: string;
}

export function actionView(action: Action | null): ActionView | null {
  if (!action) return null;
  const tool = toolOf(action.tool);
  const parsed = tool?.schema.safeParse(action.params);
  return {
    tool: action.tool,
    label: tool?.label ?? action.tool,
    lines:
      tool && parsed?.success
        ? tool.describe(parsed.data as never)
        : [JSON.stringify(action.params)],
    hash: actionHash(action),
  };
}
