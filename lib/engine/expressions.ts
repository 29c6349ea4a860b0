/**
 * Edge conditions in CEL (Common Expression Language): non-Turing-complete, side-effect free and
 * strictly typed, evaluated by @marcbachmann/cel-js (an interpreter: no eval, no Function). The
 * variables an expression may use are declared here with their types, so a definition naming an
 * unknown field or comparing a number with a string is refused when it is validated, not when a
 * request runs. A variable absent from a request (no amount yet) is an evaluation error, never a
 * silent `false`: the engine then refuses to route rather than pick the wrong tier.
 */
import { Environment } from "@marcbachmann/cel-js";
import type { RequestFields, RequestType } from "./fields";

const environment = new Environment()
  .registerVariable("amount", "double")
  .registerVariable("currency", "string")
  .registerVariable("days", "double")
  .registerVariable("severity", "double")
  .registerVariable("startDate", "string")
  .registerVariable("endDate", "string")
  .registerVariable("requestType", "string")
  .registerVariable("round", "double")
  .registerVariable("outcome", "string");

export const EXPRESSION_VARIABLES = [
  "amount",
  "currency",
  "days",
  "severity",
  "startDate",
  "endDate",
  "requestType",
  "round",
  "outcome",
] as const;

/** The outcome of the approval just decided, visible to that node's outgoing edges. */
export type StepOutcome = "approved" | "rejected";

export interface ExpressionContext {
  type: RequestType;
  round: number;
  fields: RequestFields;
  outcome?: StepOutcome;
}

type Compiled = (context: Record<string, unknown>) => unknown;
const cache = new Map<string, Compiled>();

/** Why an expression cannot be used, or null when it is a valid boolean condition. */
export function checkExpression(source: string): string | null {
  try {
    const result = environment.check(source);
    if (!result.valid) return firstLine(result.error?.message) ?? "invalid expression";
    if (result.type !== "bool") return `the condition must be true or false, not ${result.type}`;
    return null;
  } catch (error) {
    return firstLine((error as Error).message) ?? "invalid expression";
  }
}

function compile(source: string): Compiled {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = environment.parse(source) as unknown as Compiled;
    cache.set(source, compiled);
  }
  return compiled;
}

export class ExpressionError extends Error {}

/** Evaluates a condition; throws ExpressionError when it cannot be decided (e.g. a missing field). */
export function evaluateCondition(source: string, context: ExpressionContext): boolean {
  const variables: Record<string, unknown> = { requestType: context.type, round: context.round };
  for (const [name, value] of Object.entries(context.fields)) {
    if (value !== undefined) variables[name] = value;
  }
  if (context.outcome) variables.outcome = context.outcome;
  try {
    const result = compile(source)(variables);
    if (typeof result !== "boolean")
      throw new ExpressionError(`"${source}" did not give true or false`);
    return result;
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw new ExpressionError(
      `cannot evaluate "${source}": ${firstLine((error as Error).message)}`,
    );
  }
}

function firstLine(message: string | undefined): string | undefined {
  return message?.split("\n")[0]?.trim() || undefined;
}
