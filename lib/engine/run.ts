/**
 * Walking the graph: from a node, through automatic nodes (enrich, branch, tool), until the run
 * stops at an approval node (a human gate) or an end. Every node entered is a visit in the run log.
 */
import { EngineFailure, engineError } from "./errors";
import {
  type ExpressionContext,
  ExpressionError,
  evaluateCondition,
  type StepOutcome,
} from "./expressions";
import type { Action, ApprovalNode, WorkflowDefinition, WorkflowNode } from "./model";

/** One node visit, as the run log records it. Ids are chosen by the caller (deterministic tests). */
export interface NodeVisit {
  id: string;
  nodeId: string;
  kind: WorkflowNode["kind"];
  startedAt: Date;
  /** Null while the visit is open (a waiting approval step). */
  endedAt: Date | null;
  outcome: string | null;
  error: string | null;
}

export type Effect =
  | { type: "run_action"; nodeId: string; visitId: string; action: Action }
  | {
      type: "notify_step";
      nodeId: string;
      role: ApprovalNode["role"];
      departmentId: string | null;
      dueAt: Date;
    };

export type RunStop =
  | { kind: "approval"; node: ApprovalNode; visit: NodeVisit }
  | { kind: "end"; nodeId: string; outcome: "APPROVED" | "REJECTED" };

export interface RunResult {
  stop: RunStop;
  visits: Record<string, number>;
  log: NodeVisit[];
  effects: Effect[];
}

export interface RunInput {
  definition: WorkflowDefinition;
  context: ExpressionContext;
  visits: Record<string, number>;
  action: Action | null;
  now: Date;
  newId: () => string;
}

const MAX_STEPS = 1_000; // a backstop; per-node maxVisits normally stops loops much earlier

export function nodeById(definition: WorkflowDefinition, id: string): WorkflowNode {
  const node = definition.nodes.find((candidate) => candidate.id === id);
  if (!node)
    throw new EngineFailure(
      engineError("BROKEN_WORKFLOW", `node "${id}" is not in the workflow`, { nodeId: id }),
    );
  return node;
}

/** Picks the edge to follow from `nodeId`: the first condition that holds, else the default edge. */
export function nextNodeId(
  definition: WorkflowDefinition,
  nodeId: string,
  context: ExpressionContext,
): string {
  const edges = definition.edges.filter((edge) => edge.from === nodeId);
  try {
    for (const edge of edges) {
      if (edge.when !== undefined && evaluateCondition(edge.when, context)) return edge.to;
    }
  } catch (error) {
    if (error instanceof ExpressionError) {
      throw new EngineFailure(
        engineError("ROUTING_FAILED", `at node "${nodeId}": ${error.message}`, { nodeId }),
      );
    }
    throw error;
  }
  const fallback = edges.find((edge) => edge.when === undefined);
  if (!fallback)
    throw new EngineFailure(
      engineError("ROUTING_FAILED", `no edge from node "${nodeId}" applies`, { nodeId }),
    );
  return fallback.to;
}

/** Enters `startId` and runs until an approval or an end. */
export function runFrom(input: RunInput, startId: string): RunResult {
  const visits = { ...input.visits };
  const log: NodeVisit[] = [];
  const effects: Effect[] = [];
  let nodeId = startId;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const node = nodeById(input.definition, nodeId);
    const count = (visits[node.id] ?? 0) + 1;
    if (count > node.maxVisits) {
      throw new EngineFailure(
        engineError(
          "VISIT_LIMIT",
          `node "${node.id}" was entered more than ${node.maxVisits} times`,
          { nodeId: node.id },
        ),
      );
    }
    visits[node.id] = count;
    const visit: NodeVisit = {
      id: input.newId(),
      nodeId: node.id,
      kind: node.kind,
      startedAt: input.now,
      endedAt: input.now,
      outcome: "passed",
      error: null,
    };
    log.push(visit);
    switch (node.kind) {
      case "approval":
        visit.endedAt = null;
        visit.outcome = null;
        return { stop: { kind: "approval", node, visit }, visits, log, effects };
      case "end":
        visit.outcome = node.outcome;
        return {
          stop: { kind: "end", nodeId: node.id, outcome: node.outcome },
          visits,
          log,
          effects,
        };
      case "tool": {
        const action = node.tool ? { tool: node.tool, params: node.params ?? {} } : input.action;
        if (action) {
          effects.push({ type: "run_action", nodeId: node.id, visitId: visit.id, action });
          visit.outcome = "queued";
        } else {
          visit.outcome = "skipped: no action";
        }
        break;
      }
      case "enrich":
      case "branch":
        break;
    }
    nodeId = nextNodeId(input.definition, node.id, input.context);
  }
  throw new EngineFailure(
    engineError("VISIT_LIMIT", `the run did not stop within ${MAX_STEPS} steps`, { nodeId }),
  );
}

/** After an approval node is decided: follow its edges with the outcome, and run on. */
export function runAfterDecision(
  input: RunInput,
  approvalNodeId: string,
  outcome: StepOutcome,
): RunResult {
  const next = nextNodeId(input.definition, approvalNodeId, { ...input.context, outcome });
  return runFrom(input, next);
}
