/**
 * Validation of workflow definitions. Every problem is reported (not just the first), each naming
 * the node (or edge) at fault, so an author can fix a definition in one pass.
 */
import { APPROVER_ROLES } from "@/lib/auth/roles";
import { checkExpression } from "./expressions";
import {
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
  WorkflowDefinitionSchema,
  type WorkflowEdge,
  type WorkflowNode,
} from "./model";

export interface GraphProblem {
  /** The node the problem is about (for an edge: its `from` node), when there is one. */
  nodeId?: string;
  /** Index of the edge in `edges`, for edge problems. */
  edge?: number;
  /** Path of the offending value in the definition, e.g. "nodes.2.slaHours". */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; definition: WorkflowDefinition }
  | { ok: false; problems: GraphProblem[] };

export function validateWorkflow(input: unknown): ValidationResult {
  const parsed = WorkflowDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const raw = input as Partial<WorkflowDefinitionInput> | undefined;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [section, index] = issue.path;
        const nodeId =
          section === "nodes" && typeof index === "number"
            ? stringOrUndefined(raw?.nodes?.[index]?.id)
            : section === "edges" && typeof index === "number"
              ? stringOrUndefined(raw?.edges?.[index]?.from)
              : undefined;
        return {
          ...(nodeId ? { nodeId } : {}),
          ...(section === "edges" && typeof index === "number" ? { edge: index } : {}),
          path: issue.path.map(String).join("."),
          message: issue.message,
        };
      }),
    };
  }
  const problems = graphProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function graphProblems(definition: WorkflowDefinition): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const nodes = new Map<string, WorkflowNode>();
  definition.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) {
      problems.push({
        nodeId: node.id,
        path: `nodes.${index}.id`,
        message: `node "${node.id}" is defined twice`,
      });
    }
    nodes.set(node.id, node);
    if (node.kind === "approval" && node.escalateTo === node.role) {
      problems.push({
        nodeId: node.id,
        path: `nodes.${index}.escalateTo`,
        message: `approval "${node.id}" escalates to its own role ${node.role}`,
      });
    }
    if (node.kind === "approval") {
      for (const key of ["role", "escalateTo"] as const) {
        if (!APPROVER_ROLES.includes(node[key])) {
          problems.push({
            nodeId: node.id,
            path: `nodes.${index}.${key}`,
            message: `approval "${node.id}": ${node[key]} does not decide steps (approver roles: ${APPROVER_ROLES.join(", ")})`,
          });
        }
      }
    }
    if (node.kind === "approval" && node.scope === "department" && node.role !== "MANAGER") {
      problems.push({
        nodeId: node.id,
        path: `nodes.${index}.scope`,
        message: `approval "${node.id}": only MANAGER steps can be scoped to the department`,
      });
    }
  });
  if (!nodes.has(definition.start)) {
    problems.push({
      path: "start",
      message: `the start node "${definition.start}" does not exist`,
    });
  }

  const outgoing = new Map<string, WorkflowEdge[]>();
  definition.edges.forEach((edge, index) => {
    const path = `edges.${index}`;
    if (!nodes.has(edge.from)) {
      problems.push({
        edge: index,
        path: `${path}.from`,
        message: `edge ${index} starts at unknown node "${edge.from}"`,
      });
    }
    if (!nodes.has(edge.to)) {
      problems.push({
        nodeId: edge.from,
        edge: index,
        path: `${path}.to`,
        message: `edge from "${edge.from}" leads to unknown node "${edge.to}"`,
      });
    }
    if (edge.when !== undefined) {
      const error = checkExpression(edge.when);
      if (error) {
        problems.push({
          nodeId: edge.from,
          edge: index,
          path: `${path}.when`,
          message: `edge from "${edge.from}" to "${edge.to}": bad condition "${edge.when}": ${error}`,
        });
      }
      if (/\boutcome\b/.test(edge.when) && nodes.get(edge.from)?.kind !== "approval") {
        problems.push({
          nodeId: edge.from,
          edge: index,
          path: `${path}.when`,
          message: `edge from "${edge.from}": "outcome" is only known on edges leaving an approval node`,
        });
      }
    }
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  });

  for (const node of nodes.values()) {
    const edges = outgoing.get(node.id) ?? [];
    if (node.kind === "end") {
      if (edges.length)
        problems.push({
          nodeId: node.id,
          path: "edges",
          message: `end node "${node.id}" has outgoing edges`,
        });
      continue;
    }
    if (edges.length === 0) {
      problems.push({
        nodeId: node.id,
        path: "edges",
        message: `node "${node.id}" has no outgoing edge (a dead end)`,
      });
    }
    if (edges.filter((edge) => edge.when === undefined).length > 1) {
      problems.push({
        nodeId: node.id,
        path: "edges",
        message: `node "${node.id}" has more than one default edge`,
      });
    }
    // With a default edge, a node can only fail to route when a condition cannot be evaluated.
    if (edges.length > 0 && !edges.some((edge) => edge.when === undefined)) {
      problems.push({
        nodeId: node.id,
        path: "edges",
        message: `${node.kind} node "${node.id}" needs a default edge (one without "when")`,
      });
    }
  }

  if (nodes.has(definition.start)) {
    const reachable = reach(definition.start, (id) =>
      (outgoing.get(id) ?? []).map((edge) => edge.to),
    );
    for (const node of nodes.values()) {
      if (!reachable.has(node.id)) {
        problems.push({
          nodeId: node.id,
          path: "nodes",
          message: `node "${node.id}" cannot be reached from the start`,
        });
      }
    }
    const incoming = new Map<string, string[]>();
    for (const edge of definition.edges)
      incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
    const ends = [...nodes.values()].filter((node) => node.kind === "end").map((node) => node.id);
    if (ends.length === 0)
      problems.push({ path: "nodes", message: "the workflow has no end node" });
    const canFinish = new Set<string>();
    for (const end of ends)
      for (const id of reach(end, (n) => incoming.get(n) ?? [])) canFinish.add(id);
    for (const id of reachable) {
      if (nodes.has(id) && !canFinish.has(id)) {
        problems.push({
          nodeId: id,
          path: "nodes",
          message: `no end can be reached from node "${id}"`,
        });
      }
    }
  }
  return problems;
}

function reach(from: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next(id)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
