/**
 * Checks a graph workflow as a whole before it is stored, so that a run never meets a problem a
 * reader of the definition could have seen: the shape (zod), node and edge references, tools
 * that exist with every required input bound to a state key of the right type (or a constant) and
 * every output written to one, CEL conditions that type-check against the declared state, a
 * default edge wherever conditions could all be false, every node reachable and able to reach an
 * end, and fork / join pairs whose branches meet at their join and write disjoint state keys (a
 * conflict is refused here rather than left to a race).
 */
import { Environment } from "@marcbachmann/cel-js";
import { REQUEST_TYPES } from "@/lib/engine/fields";
import {
  APPROVAL_INPUT_TYPES,
  type ApprovalNode,
  type GraphDefinition,
  GraphDefinitionSchema,
  type GraphNode,
  type RunState,
  type StateType,
} from "./model";
import { toolByName } from "./tools";
import { toolFields } from "./tools/registry";

export interface GraphProblem {
  /** Where: "nodes[2].inputs.code", "edges[4].when", "state.threshold". */
  path: string;
  message: string;
}

export type GraphVerdict =
  | { ok: true; definition: GraphDefinition }
  | { ok: false; problems: GraphProblem[] };

const CEL_TYPES: Record<StateType, string> = {
  string: "string",
  number: "double",
  boolean: "bool",
  list: "list",
  object: "map",
};

const environments = new WeakMap<GraphDefinition, Environment>();

/** The CEL environment of a definition: its state keys with their declared types. */
export function celEnvironment(definition: GraphDefinition): Environment {
  let environment = environments.get(definition);
  if (!environment) {
    environment = new Environment();
    for (const [key, spec] of Object.entries(definition.state)) {
      environment.registerVariable(key, CEL_TYPES[spec.type]);
    }
    environments.set(definition, environment);
  }
  return environment;
}

export function valueMatches(type: StateType | string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return true;
  }
}

const firstLine = (text: string | undefined) => text?.split("\n")[0]?.trim();

export function validateGraph(input: unknown): GraphVerdict {
  const parsed = GraphDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 50).map((issue) => ({
        path: issue.path.map(String).join(".") || "(definition)",
        message: issue.message,
      })),
    };
  }
  const definition = parsed.data;
  const problems: GraphProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const index = new Map<string, number>();
  definition.nodes.forEach((node, i) => {
    if (index.has(node.id))
      problem(`nodes[${i}].id`, `Another node is already called "${node.id}".`);
    else index.set(node.id, i);
  });
  if (!index.has(definition.start)) problem("start", `There is no node "${definition.start}".`);

  for (const [key, spec] of Object.entries(definition.state)) {
    if (spec.default !== undefined && !valueMatches(spec.type, spec.default)) {
      problem(`state.${key}.default`, `The default is not a ${spec.type}.`);
    }
  }

  definition.nodes.forEach((node, i) => {
    if (node.kind === "tool") checkToolNode(definition, node, `nodes[${i}]`, problem);
    if (node.kind === "approval") checkApprovalNode(definition, node, `nodes[${i}]`, problem);
  });

  const outgoing = new Map<string, { to: string; when?: string; at: number }[]>();
  definition.edges.forEach((edge, i) => {
    if (!index.has(edge.from)) problem(`edges[${i}].from`, `There is no node "${edge.from}".`);
    if (!index.has(edge.to)) problem(`edges[${i}].to`, `There is no node "${edge.to}".`);
    if (edge.when) {
      try {
        const result = celEnvironment(definition).check(edge.when);
        if (!result.valid)
          problem(`edges[${i}].when`, firstLine(result.error?.message) ?? "Invalid condition.");
        else if (result.type !== "bool") {
          problem(`edges[${i}].when`, `The condition must be true or false, not ${result.type}.`);
        }
      } catch (error) {
        problem(`edges[${i}].when`, firstLine((error as Error).message) ?? "Invalid condition.");
      }
    }
    const list = outgoing.get(edge.from) ?? [];
    list.push({ to: edge.to, when: edge.when, at: i });
    outgoing.set(edge.from, list);
  });

  definition.nodes.forEach((node, i) => {
    const edges = outgoing.get(node.id) ?? [];
    const at = `nodes[${i}]`;
    if (node.kind === "end") {
      if (edges.length) problem(at, `The end "${node.id}" cannot have outgoing edges.`);
      return;
    }
    if (edges.length === 0) {
      problem(at, `"${node.id}" leads nowhere: give it an edge (an end node finishes a run).`);
      return;
    }
    if (node.kind === "fork") {
      if (edges.length < 2) problem(at, `The fork "${node.id}" needs at least two branches.`);
      if (edges.some((e) => e.when))
        problem(at, `A fork's branches all start: they take no condition.`);
      const join = definition.nodes.find((n) => n.id === node.join);
      if (join?.kind !== "join") problem(`${at}.join`, `There is no join node "${node.join}".`);
      return;
    }
    const defaults = edges.filter((e) => !e.when);
    if (defaults.length > 1) {
      problem(
        at,
        `"${node.id}" has ${defaults.length} edges without a condition: keep one default.`,
      );
    }
    if (defaults.length === 0) {
      problem(at, `"${node.id}" needs a default edge (without a condition) for when none holds.`);
    }
  });

  if (problems.length === 0) {
    checkReachability(definition, outgoing, problem);
    checkForks(definition, outgoing, problem);
  }
  return problems.length ? { ok: false, problems } : { ok: true, definition };
}

type Problem = (path: string, message: string) => void;

function checkToolNode(
  definition: GraphDefinition,
  node: Extract<GraphNode, { kind: "tool" }>,
  at: string,
  problem: Problem,
) {
  const tool = toolByName(node.tool);
  if (!tool) {
    problem(`${at}.tool`, `There is no tool "${node.tool}".`);
    return;
  }
  const inputs = toolFields(tool.input);
  for (const [name, binding] of Object.entries(node.inputs)) {
    const field = inputs.get(name);
    if (!field) {
      problem(`${at}.inputs.${name}`, `${tool.name} takes no input "${name}".`);
      continue;
    }
    if ("state" in binding) {
      const spec = definition.state[binding.state];
      if (!spec) problem(`${at}.inputs.${name}`, `There is no state key "${binding.state}".`);
      else if (field.type !== "any" && field.type !== spec.type) {
        problem(
          `${at}.inputs.${name}`,
          `${tool.name}'s input "${name}" is a ${field.type}; state "${binding.state}" is a ${spec.type}.`,
        );
      }
    } else if (field.type !== "any" && !valueMatches(field.type, binding.value)) {
      problem(`${at}.inputs.${name}`, `${tool.name}'s input "${name}" is a ${field.type}.`);
    }
  }
  for (const [name, field] of inputs) {
    if (field.required && !(name in node.inputs)) {
      problem(`${at}.inputs`, `${tool.name} needs its input "${name}".`);
    }
  }
  const outputs = toolFields(tool.output);
  for (const [name, key] of Object.entries(node.outputs)) {
    const field = outputs.get(name);
    const spec = definition.state[key];
    if (!field) problem(`${at}.outputs.${name}`, `${tool.name} gives no output "${name}".`);
    else if (!spec) problem(`${at}.outputs.${name}`, `There is no state key "${key}".`);
    else if (field.type !== "any" && field.type !== spec.type) {
      problem(
        `${at}.outputs.${name}`,
        `${tool.name}'s output "${name}" is a ${field.type}; state "${key}" is a ${spec.type}.`,
      );
    }
  }
}

function checkApprovalNode(
  definition: GraphDefinition,
  node: ApprovalNode,
  at: string,
  problem: Problem,
) {
  for (const name of ["type", "text"] as const) {
    if (!node.inputs[name]) problem(`${at}.inputs`, `An approval needs its input "${name}".`);
  }
  for (const [name, binding] of Object.entries(node.inputs)) {
    const type = APPROVAL_INPUT_TYPES[name as keyof typeof APPROVAL_INPUT_TYPES];
    if ("state" in binding) {
      const spec = definition.state[binding.state];
      if (!spec) problem(`${at}.inputs.${name}`, `There is no state key "${binding.state}".`);
      else if (spec.type !== type) {
        problem(
          `${at}.inputs.${name}`,
          `The approval's "${name}" is a ${type}; state "${binding.state}" is a ${spec.type}.`,
        );
      }
    } else if (!valueMatches(type, binding.value)) {
      problem(`${at}.inputs.${name}`, `The approval's "${name}" is a ${type}.`);
    } else if (name === "type" && !REQUEST_TYPES.includes(binding.value as never)) {
      problem(`${at}.inputs.type`, `There is no request type "${String(binding.value)}".`);
    }
  }
  for (const [name, key] of Object.entries(node.outputs)) {
    const spec = definition.state[key];
    if (!spec) problem(`${at}.outputs.${name}`, `There is no state key "${key}".`);
    else if (spec.type !== "string") {
      problem(
        `${at}.outputs.${name}`,
        `The approval's "${name}" is a string; state "${key}" is a ${spec.type}.`,
      );
    }
  }
}

type Outgoing = Map<string, { to: string; when?: string; at: number }[]>;

function checkReachability(definition: GraphDefinition, outgoing: Outgoing, problem: Problem) {
  const reached = new Set<string>([definition.start]);
  const queue = [definition.start];
  while (queue.length) {
    const id = queue.shift() as string;
    for (const edge of outgoing.get(id) ?? []) {
      if (!reached.has(edge.to)) {
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  // Nodes from which an end can be reached (walking the edges backwards).
  const incoming = new Map<string, string[]>();
  for (const edge of definition.edges)
    incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const finishing = new Set(definition.nodes.filter((n) => n.kind === "end").map((n) => n.id));
  const back = [...finishing];
  while (back.length) {
    const id = back.shift() as string;
    for (const from of incoming.get(id) ?? []) {
      if (!finishing.has(from)) {
        finishing.add(from);
        back.push(from);
      }
    }
  }
  definition.nodes.forEach((node, i) => {
    if (!reached.has(node.id))
      problem(`nodes[${i}]`, `"${node.id}" cannot be reached from the start.`);
    else if (!finishing.has(node.id))
      problem(`nodes[${i}]`, `No end can be reached from "${node.id}".`);
  });
}

/** Each fork's branches reach its join, stay between the two, and write disjoint keys. */
function checkForks(definition: GraphDefinition, outgoing: Outgoing, problem: Problem) {
  definition.nodes.forEach((node, i) => {
    if (node.kind !== "fork") return;
    const branches = (outgoing.get(node.id) ?? []).map((edge) => {
      const nodes = new Set<string>();
      let reachesJoin = false;
      const queue = [edge.to];
      while (queue.length) {
        const id = queue.shift() as string;
        if (id === node.join) {
          reachesJoin = true;
          continue;
        }
        if (nodes.has(id)) continue;
        nodes.add(id);
        for (const next of outgoing.get(id) ?? []) queue.push(next.to);
      }
      const writes = new Set<string>();
      for (const id of nodes) {
        const member = definition.nodes.find((n) => n.id === id);
        if (member?.kind === "tool")
          for (const key of Object.values(member.outputs)) writes.add(key);
      }
      return { head: edge.to, nodes, writes, reachesJoin };
    });
    const at = `nodes[${i}]`;
    for (const branch of branches) {
      if (!branch.reachesJoin) {
        problem(
          at,
          `The branch starting at "${branch.head}" never reaches the join "${node.join}".`,
        );
      }
      if (branch.nodes.has(node.id)) {
        problem(at, `The branch starting at "${branch.head}" leads back to its fork "${node.id}".`);
      }
      for (const id of branch.nodes) {
        const member = definition.nodes.find((n) => n.id === id);
        if (member?.kind === "end") {
          problem(at, `The branch starting at "${branch.head}" can end the run before the join.`);
        }
      }
    }
    for (let a = 0; a < branches.length; a++) {
      for (let b = a + 1; b < branches.length; b++) {
        const first = branches[a];
        const second = branches[b];
        if (!first || !second) continue;
        const shared = [...first.writes].filter((key) => second.writes.has(key));
        if (shared.length) {
          problem(
            at,
            `The branches starting at "${first.head}" and "${second.head}" both write ${shared.map((k) => `"${k}"`).join(", ")}: parallel branches must write different keys.`,
          );
        }
      }
    }
    const join = definition.nodes.find((n) => n.id === node.join);
    if (join?.kind === "join" && typeof join.wait === "number" && join.wait > branches.length) {
      problem(
        at,
        `The join "${join.id}" waits for ${join.wait} branches; the fork has ${branches.length}.`,
      );
    }
  });
}

/** The run's starting state from its input: declared keys only, of their types; defaults filled in. */
export function initialState(
  definition: GraphDefinition,
  input: Record<string, unknown>,
): { ok: true; state: RunState } | { ok: false; problems: GraphProblem[] } {
  const problems: GraphProblem[] = [];
  const state: RunState = {};
  for (const [key, value] of Object.entries(input)) {
    const spec = definition.state[key];
    if (!spec)
      problems.push({ path: `input.${key}`, message: `The workflow has no state key "${key}".` });
    else if (!valueMatches(spec.type, value)) {
      problems.push({ path: `input.${key}`, message: `"${key}" is a ${spec.type}.` });
    }
  }
  for (const [key, spec] of Object.entries(definition.state)) {
    if (key in input) state[key] = input[key];
    else if (spec.default !== undefined) state[key] = structuredClone(spec.default);
    else if (spec.required) problems.push({ path: `input.${key}`, message: `Give "${key}".` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, state };
}
