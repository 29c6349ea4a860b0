/**
 * The request lifecycle: `transition(input)` takes the state, an event, the actor and `now` and
 * returns the next state with everything to record (audit entries, run-log visits, the decision,
 * effects), or a typed refusal. Pure: no clock, no I/O; ids come from `newId`.
 *
 *   DRAFT ─submit→ SUBMITTED ─run→ IN_REVIEW ─approve(quorum)→ IN_REVIEW (next step) … → APPROVED
 *                                     │   ├─reject→ REJECTED            (via the node's edges)
 *                                     │   ├─request changes→ CHANGES_REQUESTED ─resubmit (round+1)→ SUBMITTED
 *                                     │   └─escalate / SLA breach→ ESCALATED ─decide→ continues or ends
 *   any non-final state ─cancel (requester)→ CANCELLED
 */
import type { AuditEvent } from "./audit-events";
import { type EngineError, EngineFailure, engineError } from "./errors";
import type { StepOutcome } from "./expressions";
import type { RequestType } from "./fields";
import { missingFields, RequestFieldsSchema } from "./fields";
import {
  type Action,
  type ActiveStep,
  type Actor,
  type ApprovalNode,
  actionHash,
  type DecisionChannel,
  type EngineEvent,
  type RequestState,
  type RequestStatus,
  type Role,
  TERMINAL_STATUSES,
  type WorkflowDefinition,
} from "./model";
import { decideRefusal } from "./permitted";
import {
  type Effect,
  type NodeVisit,
  nodeById,
  type RunResult,
  runAfterDecision,
  runFrom,
} from "./run";

export type AuditActor =
  /** A person; `onBehalfOf`: the approver a delegate decided for. */
  | { type: "USER"; id: string; onBehalfOf?: string }
  | { type: "SYSTEM"; onBehalfOf: string | null }
  /** The AI layer's suggestions, recorded on behalf of the requester whose text it read. */
  | { type: "AI"; onBehalfOf: string | null };

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** An event to chain: its action and data (typed per action, audit-events.ts), who, and the move. */
export type AuditEntry = AuditEvent & {
  actor: AuditActor;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
};

export interface Decision {
  kind: "APPROVE" | "REJECT" | "REQUEST_CHANGES" | "ESCALATE";
  nodeId: string;
  round: number;
  actorId: string | null;
  comment: string | null;
}

export interface Transition {
  state: RequestState;
  audit: AuditEntry[];
  /**
   * Node visits finished by this event, in order, each written once to the run log. The waiting
   * step's visit is not among them until it is decided: the request row describes it meanwhile.
   */
  visits: NodeVisit[];
  decision: Decision | null;
  effects: Effect[];
}

export type TransitionResult =
  | { ok: true; transition: Transition }
  | { ok: false; error: EngineError };

export interface TransitionInput {
  definition: WorkflowDefinition;
  state: RequestState;
  event: EngineEvent;
  actor: Actor;
  now: Date;
  newId: () => string;
}

const HOUR_MS = 3_600_000;

export function transition(input: TransitionInput): TransitionResult {
  try {
    return { ok: true, transition: apply(input) };
  } catch (error) {
    if (error instanceof EngineFailure) return { ok: false, error: error.error };
    throw error;
  }
}

function fail(...args: Parameters<typeof engineError>): never {
  throw new EngineFailure(engineError(...args));
}

function apply(input: TransitionInput): Transition {
  const { state, event } = input;
  if (TERMINAL_STATUSES.has(state.status))
    fail(
      "TERMINAL_STATE",
      `The request is ${state.status.toLowerCase()}; it accepts nothing more.`,
    );
  switch (event.type) {
    case "UPDATE":
      return update(input, event.fields, event.action, event.requestType);
    case "SUBMIT":
      return submit(input, "DRAFT", "SUBMITTED");
    case "RESUBMIT":
      return submit(input, "CHANGES_REQUESTED", "RESUBMITTED");
    case "CANCEL":
      return cancel(input, event.reason);
    case "APPROVE":
      return approve(input, event.comment, event.eligibleApprovers, event.actionHash, event.via);
    case "REJECT":
      return reject(input, event.reason, event.via);
    case "REQUEST_CHANGES":
      return requestChanges(input, event.comment);
    case "ESCALATE":
      return escalate(input, event.reason, false);
    case "SLA_BREACH":
      return escalate(input, undefined, true);
  }
}

// ─── requester events ────────────────────────────────────────────────────────────────────────────

function requireRequester({ state, actor }: TransitionInput): string {
  if (actor.kind !== "user" || actor.id !== state.requesterId) fail("NOT_REQUESTER");
  return actor.id;
}

function update(
  input: TransitionInput,
  fields: RequestState["fields"],
  action: Action | null | undefined,
  requestType: RequestType | undefined,
): Transition {
  const { state } = input;
  const actorId = requireRequester(input);
  if (state.status !== "DRAFT" && state.status !== "CHANGES_REQUESTED") {
    fail(
      "FIELDS_LOCKED",
      "The request's fields cannot change once it is submitted, unless changes are requested.",
    );
  }
  if (requestType !== undefined && requestType !== state.type && state.status !== "DRAFT") {
    fail("FIELDS_LOCKED", "The request type cannot change after submission.");
  }
  const parsed = RequestFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    fail("MISSING_FIELDS", "Some fields are invalid.", {
      fields: parsed.error.issues.map((i) => i.path.join(".")),
    });
  }
  const next: RequestState = {
    ...state,
    type: requestType ?? state.type,
    fields: parsed.data,
    action: action === undefined ? state.action : action,
  };
  return {
    ...empty(next),
    audit: [
      {
        action: "UPDATED",
        actor: { type: "USER", id: actorId },
        fromStatus: state.status,
        toStatus: state.status,
        data: {
          fields: toJson(parsed.data),
          ...(action !== undefined ? { action: toJson(action) } : {}),
          ...(next.type !== state.type ? { type: next.type } : {}),
        },
      },
    ],
  };
}

function submit(
  input: TransitionInput,
  from: RequestStatus,
  action: "SUBMITTED" | "RESUBMITTED",
): Transition {
  const { state, definition } = input;
  const actorId = requireRequester(input);
  if (state.status !== from) {
    fail(
      "INVALID_STATE",
      action === "SUBMITTED"
        ? "Only a draft can be submitted."
        : "Only a request sent back for changes can be resubmitted.",
    );
  }
  const missing = missingFields(state.type, state.fields);
  if (missing.length)
    fail("MISSING_FIELDS", `Fill in: ${missing.join(", ")}.`, { fields: missing });

  const round = action === "RESUBMITTED" ? state.round + 1 : state.round;
  const submitted: RequestState = { ...state, status: "SUBMITTED", round, step: null };
  const audit: AuditEntry[] = [
    {
      action,
      actor: { type: "USER", id: actorId },
      fromStatus: state.status,
      toStatus: "SUBMITTED",
      data: { round },
    },
  ];
  const run = runFrom(runInput(input, submitted), definition.start);
  return settle(input, submitted, run, audit, null, null, actorId);
}

function cancel(input: TransitionInput, reason: string | undefined): Transition {
  const { state, now } = input;
  const actorId = requireRequester(input);
  const next: RequestState = { ...state, status: "CANCELLED", step: null };
  return {
    ...empty(next),
    visits: state.step ? [closeStep(state.step, now, "cancelled")] : [],
    audit: [
      {
        action: "CANCELLED",
        actor: { type: "USER", id: actorId },
        fromStatus: state.status,
        toStatus: "CANCELLED",
        data: reason?.trim() ? { reason: reason.trim() } : {},
      },
    ],
  };
}

// ─── approver events ─────────────────────────────────────────────────────────────────────────────

/**
 * Checks that `actor` may decide the waiting step now. Returns the step, who decides (`actorId`),
 * whose approval it counts as (`approverId`: the person a delegate decides for), and the audit
 * actor ("by X on behalf of Y" for a delegate).
 */
function requireDecider(input: TransitionInput): {
  step: ActiveStep;
  actorId: string;
  approverId: string;
  auditActor: AuditActor;
} {
  const refusal = decideRefusal(input.state, input.actor);
  if (refusal) throw new EngineFailure(refusal);
  const { state, actor } = input;
  if (!state.step || actor.kind !== "user") fail("INVALID_STATE"); // unreachable: decideRefusal checked both
  const principal = actor.onBehalfOf;
  return {
    step: state.step,
    actorId: actor.id,
    approverId: principal?.id ?? actor.id,
    auditActor: principal
      ? { type: "USER", id: actor.id, onBehalfOf: principal.id }
      : { type: "USER", id: actor.id },
  };
}

function requireReason(text: string | undefined, what: string): string {
  const trimmed = text?.trim() ?? "";
  if (trimmed.length < 3) fail("REASON_REQUIRED", `${what} is required (at least 3 characters).`);
  return trimmed;
}

function approve(
  input: TransitionInput,
  comment: string | undefined,
  eligible: number | undefined,
  seenActionHash: string | undefined,
  via?: DecisionChannel,
): Transition {
  const { state, now } = input;
  const { step, actorId, approverId, auditActor } = requireDecider(input);
  if (step.approvals.includes(approverId)) fail("ALREADY_DECIDED");
  // The approval is bound to the action as the approver saw it.
  const boundHash = state.action ? actionHash(state.action) : null;
  if (seenActionHash !== undefined && seenActionHash !== boundHash) fail("ACTION_CHANGED");
  const approvals = [...step.approvals, approverId];
  const needed = step.quorum === "any" ? 1 : step.quorum === "all" ? eligible : step.quorum;
  if (needed === undefined) fail("QUORUM_UNKNOWN");
  const quorumMet = approvals.length >= Math.max(1, needed);
  const decision: Decision = {
    kind: "APPROVE",
    nodeId: step.nodeId,
    round: state.round,
    actorId,
    comment: comment?.trim() || null,
  };
  const entry: AuditEntry = {
    action: "APPROVED",
    actor: auditActor,
    fromStatus: state.status,
    toStatus: state.status,
    data: {
      nodeId: step.nodeId,
      role: step.role,
      approvals: approvals.length,
      needed: Math.max(1, needed),
      ...(decision.comment ? { comment: decision.comment } : {}),
      ...(boundHash ? { actionHash: boundHash } : {}),
      ...(via ? { via } : {}),
    },
  };
  if (!quorumMet) {
    return { ...empty({ ...state, step: { ...step, approvals } }), audit: [entry], decision };
  }
  const closed = closeStep(step, now, "approved");
  const run = runAfterDecision(runInput(input, state), step.nodeId, "approved");
  return settle(input, state, run, [entry], closed, decision, actorId);
}

function reject(input: TransitionInput, reasonText: string, via?: DecisionChannel): Transition {
  const { state, now } = input;
  const { step, actorId, auditActor } = requireDecider(input);
  const reason = requireReason(reasonText, "A reason for the rejection");
  const decision: Decision = {
    kind: "REJECT",
    nodeId: step.nodeId,
    round: state.round,
    actorId,
    comment: reason,
  };
  const entry: AuditEntry = {
    action: "REJECTED",
    actor: auditActor,
    fromStatus: state.status,
    toStatus: state.status,
    data: { nodeId: step.nodeId, role: step.role, reason, ...(via ? { via } : {}) },
  };
  const closed = closeStep(step, now, "rejected");
  const run = runAfterDecision(
    runInput(input, state),
    step.nodeId,
    "rejected" satisfies StepOutcome,
  );
  return settle(input, state, run, [entry], closed, decision, actorId);
}

function requestChanges(input: TransitionInput, commentText: string): Transition {
  const { state, now } = input;
  const { step, actorId, auditActor } = requireDecider(input);
  const comment = requireReason(commentText, "A comment saying what to change");
  return {
    ...empty({ ...state, status: "CHANGES_REQUESTED", step: null }),
    visits: [closeStep(step, now, "changes_requested")],
    decision: {
      kind: "REQUEST_CHANGES",
      nodeId: step.nodeId,
      round: state.round,
      actorId,
      comment,
    },
    audit: [
      {
        action: "CHANGES_REQUESTED",
        actor: auditActor,
        fromStatus: state.status,
        toStatus: "CHANGES_REQUESTED",
        data: { nodeId: step.nodeId, role: step.role, comment, round: state.round },
      },
    ],
  };
}

function escalate(
  input: TransitionInput,
  reasonText: string | undefined,
  bySla: boolean,
): Transition {
  const { state, now, definition } = input;
  let actorId: string | null = null;
  let auditActor: AuditActor = { type: "SYSTEM", onBehalfOf: null };
  let step: ActiveStep;
  let reason: string;
  if (bySla) {
    if (input.actor.kind !== "system") fail("WRONG_ROLE", "Only the SLA timer reports breaches.");
    if (state.status !== "IN_REVIEW" || !state.step) {
      fail(state.status === "ESCALATED" ? "ALREADY_ESCALATED" : "INVALID_STATE");
    }
    step = state.step;
    if (now.getTime() < step.dueAt.getTime())
      fail("NOT_OVERDUE", `The step is due at ${step.dueAt.toISOString()}.`);
    reason = `No decision within the SLA (due ${step.dueAt.toISOString()}).`;
  } else {
    ({ step, actorId, auditActor } = requireDecider(input));
    if (step.escalatedAt) fail("ALREADY_ESCALATED");
    reason = requireReason(reasonText, "A reason for the escalation");
  }
  const node = approvalNode(definition, step.nodeId);
  const role = node.escalateTo;
  const escalated: ActiveStep = {
    ...step,
    role,
    departmentId: scopeFor(role, role === "MANAGER" ? "department" : "global", state),
    approvals: [],
    dueAt: new Date(now.getTime() + node.slaHours * HOUR_MS),
    escalatedAt: now,
  };
  return {
    ...empty({ ...state, status: "ESCALATED", step: escalated }),
    decision: bySla
      ? null
      : { kind: "ESCALATE", nodeId: step.nodeId, round: state.round, actorId, comment: reason },
    audit: [
      {
        action: bySla ? "SLA_ESCALATED" : "ESCALATED",
        actor: auditActor,
        fromStatus: state.status,
        toStatus: "ESCALATED",
        data: {
          nodeId: step.nodeId,
          fromRole: step.role,
          toRole: role,
          reason,
          dueAt: escalated.dueAt.toISOString(),
        },
      },
    ],
  };
}

// ─── shared ──────────────────────────────────────────────────────────────────────────────────────

/** The run-log visit of a waiting step, finished now with `outcome`. */
function closeStep(step: ActiveStep, now: Date, outcome: string): NodeVisit {
  return {
    id: step.visitId,
    nodeId: step.nodeId,
    kind: "approval",
    startedAt: step.startedAt,
    endedAt: now,
    outcome,
    error: null,
  };
}

function empty(state: RequestState): Transition {
  return { state, audit: [], visits: [], decision: null, effects: [] };
}

function runInput(input: TransitionInput, state: RequestState) {
  return {
    definition: input.definition,
    context: { type: state.type, round: state.round, fields: state.fields },
    visits: state.visits,
    action: state.action,
    now: input.now,
    newId: input.newId,
  };
}

function approvalNode(definition: WorkflowDefinition, id: string): ApprovalNode {
  const node = nodeById(definition, id);
  if (node.kind !== "approval")
    fail("BROKEN_WORKFLOW", `node "${id}" is not an approval`, { nodeId: id });
  return node;
}

function scopeFor(role: Role, scope: "department" | "global", state: RequestState): string | null {
  if (scope === "global") return null;
  if (!state.departmentId) {
    fail(
      "ROUTING_FAILED",
      `A ${role} step of the requester's department, but the requester has no department.`,
    );
  }
  return state.departmentId;
}

/** Applies a run's stop (next step or end) to `base`, with the audit entries that record it. */
function settle(
  input: TransitionInput,
  base: RequestState,
  run: RunResult,
  audit: AuditEntry[],
  closed: NodeVisit | null,
  decision: Decision | null,
  onBehalfOf: string,
): Transition {
  const { now } = input;
  const system: AuditActor = { type: "SYSTEM", onBehalfOf };
  let status = base.status;
  for (const effect of run.effects) {
    if (effect.type === "run_action") {
      audit.push({
        action: "ACTION_QUEUED",
        actor: system,
        fromStatus: status,
        toStatus: status,
        data: {
          nodeId: effect.nodeId,
          tool: effect.action.tool,
          params: toJson(effect.action.params),
        },
      });
    }
  }
  const effects = [...run.effects];
  let next: RequestState;
  if (run.stop.kind === "approval") {
    const node = run.stop.node;
    const scope = node.scope ?? (node.role === "MANAGER" ? "department" : "global");
    const step: ActiveStep = {
      nodeId: node.id,
      role: node.role,
      departmentId: scopeFor(node.role, scope, base),
      quorum: node.quorum,
      approvals: [],
      startedAt: now,
      dueAt: new Date(now.getTime() + node.slaHours * HOUR_MS),
      escalatedAt: null,
      escalateTo: node.escalateTo,
      visitId: run.stop.visit.id,
    };
    next = { ...base, status: "IN_REVIEW", currentNodeId: node.id, visits: run.visits, step };
    audit.push({
      action: "STEP_STARTED",
      actor: system,
      fromStatus: status,
      toStatus: "IN_REVIEW",
      data: {
        nodeId: node.id,
        role: node.role,
        departmentId: step.departmentId,
        dueAt: step.dueAt.toISOString(),
        quorum: node.quorum,
      },
    });
    effects.push({
      type: "notify_step",
      nodeId: node.id,
      role: node.role,
      departmentId: step.departmentId,
      dueAt: step.dueAt,
    });
  } else {
    next = {
      ...base,
      status: run.stop.outcome,
      currentNodeId: run.stop.nodeId,
      visits: run.visits,
      step: null,
    };
    audit.push({
      action: "COMPLETED",
      actor: system,
      fromStatus: status,
      toStatus: run.stop.outcome,
      data: { nodeId: run.stop.nodeId, outcome: run.stop.outcome },
    });
  }
  status = next.status;
  // The run stops either at an end (all its visits finished) or at a new waiting step (its visit
  // open until decided, so not written yet).
  const finished = run.log.filter((visit) => visit.endedAt !== null);
  return {
    state: next,
    audit,
    visits: closed ? [closed, ...finished] : finished,
    decision,
    effects,
  };
}

export function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}
