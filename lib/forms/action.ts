/**
 * The action editor's form: which inputs each tool's parameters have, and reading them back from a
 * submitted form. Client-safe (the editor renders from it); the server checks the parameters with
 * each tool's own schema (lib/tools), so a wrong value comes back as an error at
 * `action.params.<name>`.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { TOOL_NAMES, type ToolName } from "@/lib/engine/tools";
import { jsonTextIssues } from "./text";

export interface ToolInput {
  name: string;
  label: string;
  kind: "email" | "text" | "textarea" | "url" | "json";
  optional?: boolean;
  hint?: string;
}

export const TOOL_FORMS: Readonly<
  Record<ToolName, { label: string; inputs: readonly ToolInput[] }>
> = {
  send_email: {
    label: "Send an email",
    inputs: [
      { name: "to", label: "To", kind: "email" },
      { name: "subject", label: "Subject", kind: "text" },
      { name: "body", label: "Text", kind: "textarea" },
    ],
  },
  create_task: {
    label: "Create a task",
    inputs: [
      { name: "title", label: "Task", kind: "text" },
      {
        name: "assignee",
        label: "For (email)",
        kind: "email",
        optional: true,
        hint: "Empty: the task is yours.",
      },
      { name: "notes", label: "Notes", kind: "textarea", optional: true },
    ],
  },
  webhook: {
    label: "Call a webhook",
    inputs: [
      { name: "url", label: "URL", kind: "url" },
      {
        name: "payload",
        label: "Payload (JSON object)",
        kind: "json",
        optional: true,
        hint: "Sent as the body's payload, signed.",
      },
    ],
  },
};

/**
 * An action as a form or a caller sends it: a known tool and an object of parameters (the tool's
 * own schema checks them on the server). Null removes the action.
 */
export const ActionInputSchema = z
  .object({
    tool: z.enum(TOOL_NAMES, { error: "Choose one of the tools, or no action." }),
    params: z.record(z.string(), z.unknown()).superRefine((params, ctx) => {
      for (const issue of jsonTextIssues(params)) ctx.addIssue({ code: "custom", ...issue });
    }),
  })
  .strict()
  .nullable();

/** The form's value for "no action". */
export const NO_ACTION = "none";

/**
 * The action a submitted form carries: undefined when the form had no action editor (nothing
 * changes), null when "No action" was chosen, else the tool and its parameters as typed (empty
 * optional inputs left out; JSON that does not parse is kept as text for the tool's schema to
 * refuse). Unknown tool names are passed on as they are, for the schema to refuse.
 */
export function actionFromForm(
  form: FormData,
): { tool: string; params: Record<string, unknown> } | null | undefined {
  const tool = form.get("action.tool");
  if (typeof tool !== "string") return undefined;
  if (tool === NO_ACTION) return null;
  const inputs = isToolName(tool) ? TOOL_FORMS[tool].inputs : [];
  const params: Record<string, unknown> = {};
  for (const input of inputs) {
    const raw = form.get(`action.params.${input.name}`);
    const value = typeof raw === "string" ? raw.trim() : "";
    if (value === "" && input.optional) continue;
    params[input.name] = input.kind === "json" ? parseJson(value) : value;
  }
  return { tool, params };
}

/** How a parameter's value shows in its input. */
export function inputValue(input: ToolInput, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (input.kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
