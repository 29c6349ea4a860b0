/**
 * The tool registry of graph workflows: each tool has a name, a description, zod-typed input and
 * output, and an implementation — pure (same input, same output; safe to run again after a
 * crash) or an async action with a timeout. A workflow's tool node binds the tool's inputs to
 * state keys and its outputs to state keys; lib/graph/validate.ts checks those bindings against
 * the schemas here before a definition is stored, and callTool checks them again at run time.
 */
import { z } from "zod";

export interface ToolContext {
  /** Aborted when the call times out or the run is cancelled. */
  signal: AbortSignal;
  /** Unique per run, node and visit: an action passes it on so that a retry does nothing twice. */
  idempotencyKey: string;
}

export interface Tool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  /** "pure": computes from its input only. "action": reaches outside (mail, HTTP, a model). */
  kind: "pure" | "action";
  input: I;
  output: O;
  /** The longest one call may take (a node may set less). */
  timeoutMs: number;
  run(input: z.output<I>, context: ToolContext): z.input<O> | Promise<z.input<O>>;
}

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  tool: Tool<I, O>,
): Tool<I, O> {
  return tool;
}

/** A tool call that did not produce a valid output: bad input, a failure, a timeout. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly reason: "input" | "output" | "failed" | "timeout" | "cancelled",
  ) {
    super(message);
    this.name = "ToolError";
  }
}

const issuesText = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(input)"}: ${issue.message}`)
    .join("; ");

/** Runs `tool` on `input`: checks the input, bounds the time, checks the output. */
export async function callTool(
  tool: Tool,
  input: unknown,
  options: { timeoutMs?: number; idempotencyKey: string; signal?: AbortSignal },
): Promise<Record<string, unknown>> {
  const parsed = tool.input.safeParse(input);
  if (!parsed.success) {
    throw new ToolError(
      `${tool.name}: the input is not valid (${issuesText(parsed.error)})`,
      "input",
    );
  }
  const limit = Math.min(options.timeoutMs ?? tool.timeoutMs, tool.timeoutMs);
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error("timeout"));
      reject(new ToolError(`${tool.name}: no answer within ${limit} ms`, "timeout"));
    }, limit);
  });
  try {
    const output = await Promise.race([
      Promise.resolve().then(() =>
        tool.run(parsed.data, {
          signal: controller.signal,
          idempotencyKey: options.idempotencyKey,
        }),
      ),
      timeout,
    ]);
    const checked = tool.output.safeParse(output);
    if (!checked.success) {
      throw new ToolError(
        `${tool.name}: the output is not valid (${issuesText(checked.error)})`,
        "output",
      );
    }
    return checked.data as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    if (options.signal?.aborted) throw new ToolError(`${tool.name}: cancelled`, "cancelled");
    throw new ToolError(`${tool.name}: ${(error as Error).message ?? String(error)}`, "failed");
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** A tool's fields with the state type each needs, read from its zod schema. */
export function toolFields(schema: z.ZodObject): Map<string, { type: string; required: boolean }> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { type?: string | string[] }>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const fields = new Map<string, { type: string; required: boolean }>();
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type;
    fields.set(name, { type: stateTypeOfJson(type), required: required.has(name) });
  }
  return fields;
}

function stateTypeOfJson(type: string | undefined): string {
  switch (type) {
    case "integer":
    case "number":
      return "number";
    case "array":
      return "list";
    case "string":
    case "boolean":
    case "object":
      return type;
    default:
      return "any";
  }
}
