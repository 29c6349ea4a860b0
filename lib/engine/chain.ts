/**
 * The approval chain people see ("step 2 of 3: FINANCE"): the path the engine computes from the
 * start with the request's current fields, assuming each step is approved. Branches depend only
 * on fields and outcomes, so for a running request the steps before the current one are exactly
 * the ones it went through in this round.
 */
import { readEventData } from "./audit-events";
import { EngineFailure } from "./errors";
import type { RequestFields, RequestType } from "./fields";
import type { RequestState, RequestStatus, Role, WorkflowDefinition } from "./model";
import { nextNodeId, nodeById } from "./run";

export interface ChainStep {
  nodeId: string;
  label: string;
  role: Role;
  state: "done" | "current" | "upcoming";
  /** How long the step may wait before it escalates (the workflow's SLA for it). */
  slaHours: number;
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
  const path: Omit<ChainStep, "state">[] = [];
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
        path.push({
          nodeId: node.id,
          label: node.label ?? node.role,
          role: node.role,
          slaHours: node.slaHours,
        });
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

/** What became of one step of the chain in the request's current round, as people read it. */
export interface StepProgress extends Omit<ChainStep, "state"> {
  outcome: "approved" | "rejected" | "sent_back" | "waiting" | "upcoming" | "not_reached";
  /** Who decided (approved, rejected, sent back) and when; the last approver of a quorum. */
  by: string | null;
  at: Date | null;
  /** While a step with a quorum waits: approvals so far and how many it needs. */
  approvals: { count: number; needed: number } | null;
  /** The role the step was escalated to (by a person or the SLA timer), if it was. */
  escalatedTo: Role | null;
}

/** A timeline entry as chainProgress reads it (lib/db/request-view.ts TimelineEntry). */
export interface ProgressEntry {
  action: string;
  data: unknown;
  /** "Manny Manager", or "Dana Delegate on behalf of Manny Manager". */
  actorLabel: string;
  createdAt: Date;
}

/**
 * The chain with what happened at each step of the current round (the entries after the last
 * submission): who approved, rejected or sent it back and when, escalations, the step waiting
 * now, and the steps still to come — or never reached, once a step rejected the request or sent
 * it back, or it was cancelled. Before submission every step is "upcoming" (the plan).
 */
export function chainProgress(
  chain: PlannedChain,
  status: RequestStatus,
  timeline: readonly ProgressEntry[],
): StepProgress[] {
  const lastSubmission = timeline.findLastIndex(
    (entry) => entry.action === "SUBMITTED" || entry.action === "RESUBMITTED",
  );
  const round = lastSubmission >= 0 ? timeline.slice(lastSubmission + 1) : [];
  let stopped = status === "CANCELLED";
  return chain.steps.map(({ state, ...step }, index): StepProgress => {
    let outcome: StepProgress["outcome"] | null = null;
    let by: string | null = null;
    let at: Date | null = null;
    let approvals: StepProgress["approvals"] = null;
    let escalatedTo: Role | null = null;
    for (const entry of round) {
      const read = readEventData(entry.action, entry.data);
      if (!read.ok || !("nodeId" in read.event.data) || read.event.data.nodeId !== step.nodeId)
        continue;
      const event = read.event;
      if (event.action === "APPROVED") {
        approvals = { count: event.data.approvals, needed: event.data.needed };
        if (event.data.approvals >= event.data.needed) outcome = "approved";
        [by, at] = [entry.actorLabel, entry.createdAt];
      } else if (event.action === "REJECTED" || event.action === "CHANGES_REQUESTED") {
        outcome = event.action === "REJECTED" ? "rejected" : "sent_back";
        [by, at] = [entry.actorLabel, entry.createdAt];
      } else if (event.action === "ESCALATED" || event.action === "SLA_ESCALATED") {
        escalatedTo = event.data.toRole;
      }
    }
    if (outcome === null) {
      if (stopped) outcome = "not_reached";
      else if (state === "current") outcome = "waiting";
      else if (state === "done") outcome = "approved";
      else outcome = index === chain.currentIndex ? "waiting" : "upcoming";
    }
    if (outcome === "rejected" || outcome === "sent_back") stopped = true;
    if (outcome === "upcoming" && (status === "REJECTED" || status === "CHANGES_REQUESTED")) {
      outcome = "not_reached";
    }
    return {
      ...step,
      outcome,
      by: outcome === "waiting" ? null : by,
      at: outcome === "waiting" ? null : at,
      approvals: outcome === "waiting" ? approvals : null,
      escalatedTo,
    };
  });
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
