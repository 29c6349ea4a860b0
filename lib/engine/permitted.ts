/**
 * What an actor may do with a request now, by the same rules the transition function enforces:
 * the UI offers only these actions, and the engine still checks each one when it arrives.
 */
import { type EngineError, engineError } from "./errors";
import {
  type ActiveStep,
  type Actor,
  DECIDING_STATUSES,
  type RequestState,
  type RequestStatus,
  TERMINAL_STATUSES,
} from "./model";

/** What deciding depends on: a whole RequestState, or a row that has these (the inbox's). */
export type DecidableState = Pick<RequestState, "status" | "requesterId"> & {
  step: Pick<ActiveStep, "role" | "departmentId" | "approvals" | "escalatedAt"> | null;
};

export type RequestAction =
  | "edit"
  | "submit"
  | "resubmit"
  | "cancel"
  | "approve"
  | "reject"
  | "request_changes"
  | "escalate";

/** Why `actor` may not decide the waiting step of `state`, or null when they may. */
export function decideRefusal(state: DecidableState, actor: Actor): EngineError | null {
  if (TERMINAL_STATUSES.has(state.status)) {
    return engineError(
      "TERMINAL_STATE",
      `The request is ${state.status.toLowerCase()}; it accepts nothing more.`,
    );
  }
  if (!DECIDING_STATUSES.has(state.status) || !state.step) {
    return engineError(
      "INVALID_STATE",
      `No step is waiting for a decision (the request is ${state.status.toLowerCase().replace("_", " ")}).`,
    );
  }
  if (actor.kind !== "user") return engineError("WRONG_ROLE", "Only a person can decide.");
  // A delegate decides with the roles and department of whom they stand in for; neither may be
  // the requester.
  const principal = actor.onBehalfOf ?? actor;
  if (actor.id === state.requesterId || principal.id === state.requesterId) {
    return engineError("OWN_REQUEST");
  }
  const step = state.step;
  if (!principal.roles.includes(step.role)) {
    return engineError("WRONG_ROLE", `This step waits for ${step.role}.`);
  }
  if (step.departmentId !== null && principal.departmentId !== step.departmentId) {
    return engineError("OUT_OF_SCOPE");
  }
  return null;
}

const EDITABLE: ReadonlySet<RequestStatus> = new Set(["DRAFT", "CHANGES_REQUESTED"]);

/** The actions `actor` may take on `state` now, in the order a page offers them. */
export function permittedActions(state: DecidableState, actor: Actor): RequestAction[] {
  if (TERMINAL_STATUSES.has(state.status) || actor.kind !== "user") return [];
  if (actor.id === state.requesterId) {
    const own: RequestAction[] = [];
    if (EDITABLE.has(state.status)) own.push("edit");
    if (state.status === "DRAFT") own.push("submit");
    if (state.status === "CHANGES_REQUESTED") own.push("resubmit");
    own.push("cancel");
    return own;
  }
  if (decideRefusal(state, actor) !== null || !state.step) return [];
  const decide: RequestAction[] = [];
  if (!state.step.approvals.includes(actor.onBehalfOf?.id ?? actor.id)) decide.push("approve");
  decide.push("reject", "request_changes");
  if (!state.step.escalatedAt) decide.push("escalate");
  return decide;
}
