/**
 * Every tool a graph workflow may call, by name. A tool is added here once; the validator, the
 * executor, the API's tool list and the workflow editor all read this registry.
 */
import { z } from "zod";
import { analyseRequest } from "./analyse-request";
import { CODE_REVIEW_TOOLS } from "./code-review";
import { defineTool, type Tool } from "./registry";

/** Waits, then echoes: an async action for demonstrations and tests of timeouts and restarts. */
export const waitTool = defineTool({
  name: "wait",
  description:
    "Waits the given milliseconds (an async action), then returns the value it was given.",
  kind: "action",
  timeoutMs: 120_000,
  input: z.object({ ms: z.int().min(0).max(120_000), value: z.unknown().optional() }),
  output: z.object({ value: z.unknown().optional(), waited_ms: z.int() }),
  async run({ ms, value }, { signal }) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      });
    });
    return { value, waited_ms: ms };
  },
});

/** Adds numbers: the smallest pure tool. */
export const addTool = defineTool({
  name: "add",
  description: "Adds two numbers.",
  kind: "pure",
  timeoutMs: 1_000,
  input: z.object({ a: z.number(), b: z.number() }),
  output: z.object({ sum: z.number() }),
  run: ({ a, b }) => ({ sum: a + b }),
});

export const TOOLS: readonly Tool[] = [
  ...CODE_REVIEW_TOOLS,
  analyseRequest,
  waitTool,
  addTool,
] as unknown as Tool[];

const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));

export function toolByName(name: string): Tool | undefined {
  return BY_NAME.get(name);
}
