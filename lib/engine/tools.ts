/**
 * The tools an approved action can use, by the name stored with the action. Client-safe (no
 * imports), so forms can list them; lib/tools holds each tool's schema and executor.
 */
export const TOOL_NAMES = ["send_email", "create_task", "webhook"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];
