/**
 * The tools an approved action can use: each has a zod schema of its parameters (checked when the
 * action is attached to a request and again before it runs), a description people read before they
 * approve, and an executor. Executors receive the run's idempotency key and pass it on wherever the
 * other side can use it.
 */
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { JsonValue } from "@/lib/engine";

export interface ToolContext {
  db: Db;
  runId: string;
  requestId: string;
  requestNumber: number;
  requesterId: string;
  /** "<request id>:<round>:<visit id>": the same on every attempt of this run. */
  idempotencyKey: string;
  signal: AbortSignal;
  now: Date;
}

export interface Tool<Params = unknown> {
  name: string;
  /** "Send an email", for people. */
  label: string;
  schema: z.ZodType<Params>;
  /** What will happen, line by line, as the approver sees it. */
  describe(params: Params): string[];
  execute(params: Params, context: ToolContext): Promise<JsonValue>;
}

/** A failure retrying cannot fix (the action's own parameters are wrong): no more attempts. */
export class PermanentToolError extends Error {}

export function defineTool<Params>(tool: Tool<Params>): Tool<Params> {
  return tool;
}
