/**
 * Where a run goes after a node, and what a tool node reads and writes: pure functions of the
 * definition and the run's state (the executor, lib/services/runs/run-node.ts, does the I/O).
 * Conditions are CEL over the declared state (lib/graph/validate.ts checked their types); a
 * condition that cannot be decided (a key nothing wrote yet) is an error of the run, never a
 * silent false.
 */
import {
  bindingValue,
  type GraphDefinition,
  type GraphNode,
  graphNode,
  type RunState,
  type ToolNode,
} from "./model";
import { celEnvironment } from "./validate";

export type Route =
  | { kind: "next"; to: string }
  | { kind: "fork"; to: string[]; join: string }
  | { kind: "end"; outcome: "SUCCEEDED" | "FAILED" }
  | { kind: "fail"; error: string };

type Compiled = (variables: Record<string, unknown>) => unknown;
const compiled = new WeakMap<GraphDefinition, Map<string, Compiled>>();

export function evaluateCondition(
  definition: GraphDefinition,
  source: string,
  state: RunState,
): boolean {
  let cache = compiled.get(definition);
  if (!cache) {
    cache = new Map();
    compiled.set(definition, cache);
  }
  let run = cache.get(source);
  if (!run) {
    run = celEnvironment(definition).parse(source) as unknown as Compiled;
    cache.set(source, run);
  }
  const variables: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== null && key in definition.state) variables[key] = value;
  }
  const result = run(variables);
  if (typeof result !== "boolean") throw new Error(`"${source}" is not true or false`);
  return result;
}

/** The next step after `node` completed, with the state as it is now. */
export function routeFrom(definition: GraphDefinition, node: GraphNode, state: RunState): Route {
  if (node.kind === "end") return { kind: "end", outcome: node.outcome };
  const edges = definition.edges.filter((edge) => edge.from === node.id);
  if (node.kind === "fork") return { kind: "fork", to: edges.map((e) => e.to), join: node.join };
  for (const edge of edges) {
    if (!edge.when) continue;
    try {
      if (evaluateCondition(definition, edge.when, state)) return { kind: "next", to: edge.to };
    } catch (error) {
      return {
        kind: "fail",
        error: `the condition "${edge.when}" after "${node.id}" cannot be decided: ${(error as Error).message.split("\n")[0]}`,
      };
    }
  }
  const fallback = edges.find((edge) => !edge.when);
  return fallback
    ? { kind: "next", to: fallback.to }
    : { kind: "fail", error: `"${node.id}" leads nowhere` };
}

/** A tool node's input: each bound state key's value, or the bound constant. */
export function toolInput(node: ToolNode, state: RunState): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, binding] of Object.entries(node.inputs)) {
    const value = bindingValue(binding, state);
    if (value !== undefined) input[name] = value;
  }
  return input;
}

/** The state keys a tool node writes, from the tool's output. */
export function toolWrites(
  node: ToolNode,
  output: Record<string, unknown>,
): Record<string, unknown> {
  const writes: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(node.outputs)) {
    if (name in output) writes[key] = output[name];
  }
  return writes;
}

/** How many arrivals a join waits for, given the branches its fork started. */
export function arrivalsNeeded(
  definition: GraphDefinition,
  joinId: string,
  branches: number,
): number {
  const join = graphNode(definition, joinId);
  if (join.kind !== "join") return branches;
  return join.wait === "all" ? branches : join.wait === "any" ? 1 : Math.min(join.wait, branches);
}
