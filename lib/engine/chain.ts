/**
 * The approval chain people see ("step 2 of 3: FINANCE"): the path the engine computes from the
 * start with the request's current fields, assuming each step is approved. Branches depend only
 * on fields and outcomes, so for a running request the steps before the current one are exactly
 * the ones it went through in this round.
 */
import { EngineFailure } from "./errors";
import type { RequestFields, RequestType } from "./fields";
import type { RequestState, Role, WorkflowDefinition } from "./model";
import { nextNodeId, nodeById } from "./run";

export interface ChainStep {
  nodeId: string;
  label: string;
  role: Role;
  state: "done" | "current" | "upcoming";
}

export interface PlannedChain {
  steps: ChainStep[];
  /** Index of the current step, or null when none is waiting. */
  currentIndex: number | null;
  /** Why the rest of the chain cannot be planned (e.g. a field a condition needs is missing). */
  problem: string | null;
}

export function plannedChain(
  definition: WorkflowDefinition,
  request: {
    type: RequestType;
    round: number;
    fields: RequestFields;
    status: RequestState["status"];
    currentNodeId: string | null;
  },
): PlannedChain {
  const path: { nodeId: string; label: string; role: Role }[] = [];
  const seen = new Map<string, number>();
  let problem: string | null = null;
  let nodeId = definition.start;
  const context = { type: request.type, round: request.round, fields: request.fields };
  try {
    for (let guard = 0; guard < 1_000; guard++) {
      const node = nodeById(definition, nodeId);
      const visits = (seen.get(node.id) ?? 0) + 1;
      if (visits > 1) break; // a loop back: the plan ends where it would repeat
      seen.set(node.id, visits);
      if (node.kind === "end") break;
      if (node.kind === "approval") {
        path.push({ nodeId: node.id, label: node.label ?? node.role, role: node.role });
        nodeId = nextNodeId(definition, node.id, { ...context, outcome: "approved" });
      } else {
        nodeId = nextNodeId(definition, node.id, context);
      }
    }
  } catch (error) {
    if (!(error instanceof EngineFailure)) throw error;
    problem = error.message;
  }

  const waiting = request.status === "IN_REVIEW" || request.status === "ESCALATED";
  const currentIndex = waiting
    ? path.findIndex((step) => step.nodeId === request.currentNodeId)
    : -1;
  const allDone = request.status === "APPROVED";
  const steps = path.map(
    (step, index): ChainStep => ({
      ...step,
      state:
        allDone || (currentIndex >= 0 && index < currentIndex)
          ? "done"
          : index === currentIndex
            ? "current"
            : "upcoming",
    }),
  );
  return { steps, currentIndex: currentIndex >= 0 ? currentIndex : null, problem };
}

/** "step 2 of 3: FINANCE", or null when no step is waiting. */
export function describeCurrentStep(chain: PlannedChain): string | null {
  if (chain.currentIndex === null) return null;
  const step = chain.steps[chain.currentIndex];
  return step ? `step ${chain.currentIndex + 1} of ${chain.steps.length}: ${step.role}` : null;
}

/**
 * The roles a request with `fields` would need to pass, in order, or null when the chain cannot
 * be planned (a field a condition needs is missing).
 */
export function chainRoles(
  definition: WorkflowDefinition,
  type: RequestType,
  fields: RequestFields,
): Role[] | null {
  const chain = plannedChain(definition, {
    type,
    round: 1,
    fields,
    status: "DRAFT",
    currentNodeId: null,
  });
  return chain.problem ? null : chain.steps.map((step) => step.role);
}

/**
 * Whether `candidate` fields would route a request through a longer chain than `confirmed` ones:
 * the test for "the text says more than the fields" (a purchase confirmed at 800 whose text says
 * 80,000 would skip FINANCE and DIRECTOR).
 */
export function routesHigher(
  definition: WorkflowDefinition,
  type: RequestType,
  confirmed: RequestFields,
  candidate: RequestFields,
): { higher: boolean; confirmedRoles: Role[] | null; candidateRoles: Role[] | null } {
  const confirmedRoles = chainRoles(definition, type, confirmed);
  const candidateRoles = chainRoles(definition, type, candidate);
  const higher =
    candidateRoles !== null &&
    (confirmedRoles === null || candidateRoles.length > confirmedRoles.length);
  return { higher, confirmedRoles, candidateRoles };
}
